package nl.familyliaison.cases;

import java.time.Clock;
import java.util.List;

import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.Transactions;

/** Staff notes on a case: short (at most {@value #MAX_TEXT} characters), kept as written, listed newest first. */
public record CaseNotes(NoteRepository notes, Transactions transactions, Clock clock) {

    static final int MAX_TEXT = 4000;

    /** Writes a note; {@code audited} (about the new note) is appended in the same transaction. */
    public String write(String caseId, String authorId, String text, WriteEvent audited) {
        String body = Timeline.text(text, MAX_TEXT);
        String id = Ids.newId();
        transactions.inTransaction(tx -> {
            notes.in(tx).insert(id, caseId, authorId, body, clock.instant());
            audited.append(tx, id);
            return null;
        });
        return id;
    }

    List<NoteRepository.Note> ofCase(String caseId) {
        return notes.ofCase(caseId);
    }
}

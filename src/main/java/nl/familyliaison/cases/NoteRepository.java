package nl.familyliaison.cases;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** Staff notes on a case, their texts sealed (AES-256-GCM, bound to the note's id). */
public final class NoteRepository {

    private final Supplier<DbExecute> db;
    private final SealedText texts;

    public NoteRepository(DbClient db, KeyRing keys) {
        this(db::execute, new SealedText(keys, "case_note.body"));
    }

    private NoteRepository(Supplier<DbExecute> db, SealedText texts) {
        this.db = db;
        this.texts = texts;
    }

    public NoteRepository in(DbExecute tx) {
        return new NoteRepository(() -> tx, texts);
    }

    /** One note as stored, with its author's name. */
    record Note(String id, String authorId, String authorName, String text, Instant writtenAt) {
    }

    void insert(String id, String caseId, String authorId, String text, Instant now) {
        KeyRing.Sealed sealed = texts.seal(id, text);
        db.get().createNamedInsert("note-insert").addParam("id", id).addParam("caseId", caseId)
                .addParam("authorId", authorId).addParam("bodyKeyId", sealed.keyId()).addParam("body", sealed.bytes())
                .addParam("now", Rows.utc(now))
                .execute();
    }

    /** The case's notes, newest first. */
    List<Note> ofCase(String caseId) {
        return db.get().createNamedQuery("note-select-by-case").addParam("caseId", caseId).execute()
                .map(row -> {
                    String id = Rows.text(row, "id");
                    KeyRing.Sealed sealed = new KeyRing.Sealed(Rows.text(row, "body_key_id"), Rows.bytes(row, "body"));
                    return new Note(id, Rows.text(row, "author_id"), Rows.text(row, "author_name"),
                                    texts.open(id, sealed),
                                    Rows.instant(row, "written_at"));
                })
                .toList();
    }

    public long countOfCase(String caseId) {
        return db.get().createNamedGet("purge-count-notes").addParam("caseId", caseId).execute()
                .map(row -> Rows.number(row, "n")).orElse(0L);
    }

    /** Deletes the case's notes (retention); returns how many there were. */
    public long purgeCase(String caseId) {
        long count = countOfCase(caseId);
        db.get().createNamedDelete("purge-notes").addParam("caseId", caseId).execute();
        return count;
    }
}

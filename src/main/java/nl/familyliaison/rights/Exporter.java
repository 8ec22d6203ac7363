package nl.familyliaison.rights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import nl.familyliaison.access.Account;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.appointments.AppointmentService;
import nl.familyliaison.audit.AuditService;
import nl.familyliaison.briefings.BriefingService;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.Investigation;
import nl.familyliaison.cases.TimelineService;
import nl.familyliaison.messages.MessageContent;
import nl.familyliaison.messages.MessageService;
import nl.familyliaison.messages.MessageService.ThreadWithMessages;
import nl.familyliaison.messages.MessageViews;
import nl.familyliaison.notify.PreferenceService;
import nl.familyliaison.platform.Language;

/**
 * Gathers a member's export from the features themselves: each case passes {@link CaseAccess#require} (so a case
 * the member no longer sees is left out, and the export is audited per case), and every part is the view the
 * feature's own route answers with. Nothing is read around the authorization decision. Files are only described
 * here: their contents are read and decrypted one by one as the archive is written, so no export holds them all.
 */
final class Exporter {

    private final CaseRepository cases;
    private final CaseAccess access;
    private final TimelineService timeline;
    private final MessageService messages;
    private final BriefingService briefings;
    private final AppointmentService appointments;
    private final AuditService audit;
    private final PreferenceService preferences;
    private final Clock clock;

    public Exporter(CaseRepository cases, CaseAccess access, TimelineService timeline, MessageService messages,
                    BriefingService briefings, AppointmentService appointments, AuditService audit,
                    PreferenceService preferences, Clock clock) {
        this.cases = cases;
        this.access = access;
        this.timeline = timeline;
        this.messages = messages;
        this.briefings = briefings;
        this.appointments = appointments;
        this.audit = audit;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The export and the files it lists, each still to be opened (one at a time, while the archive is written). */
    public record Gathered(Export export, List<Pending> files) {
    }

    /** A file of the export: where it goes in the archive, and how to read it when its turn comes. */
    public record Pending(String path, Supplier<Optional<MessageContent.File>> open) {
    }

    public Gathered gather(Actor actor, Language language) {
        Account account = actor.account();
        List<Export.CaseExport> exported = new ArrayList<>();
        List<Export.FileEntry> entries = new ArrayList<>();
        Map<String, Pending> files = new LinkedHashMap<>();
        for (Investigation investigation : cases.ofMember(account.id())) {
            if (!investigation.openToMembersAt(clock.instant())) {
                continue;
            }
            CaseContext context = access.require(actor, investigation.id(), CaseAction.READ_CASE, "case.export");
            List<ThreadWithMessages> threads = messages.everything(context);
            for (ThreadWithMessages thread : threads) {
                for (MessageViews.MessageView message : thread.messages()) {
                    for (MessageViews.AttachmentView file : message.attachments()) {
                        add(entries, files, context, new MessageContent.File(file.id(), file.name(), file.type(),
                                                                             file.size(), null),
                            () -> messages.file(context, file.id()));
                    }
                }
            }
            for (MessageContent.File file : briefings.openedFiles(context)) {
                add(entries, files, context, file, () -> briefings.openedFile(context, file.id()));
            }
            exported.add(new Export.CaseExport(investigation.id(), timeline.timelineOf(context, language), threads,
                                               briefings.viewsOf(context), appointments.proposalsOf(context),
                                               appointments.appointmentsOf(context)));
        }
        Export export = new Export(clock.instant(), new Export.Profile(account.id(), account.email(),
                                                                       account.displayName(),
                                                                       account.language().code()),
                                   preferences.preferencesOf(account.id()), exported,
                                   audit.accessLogOf(account.id()), entries);
        return new Gathered(export, List.copyOf(files.values()));
    }

    private static void add(List<Export.FileEntry> entries, Map<String, Pending> files, CaseContext context,
                            MessageContent.File file, Supplier<Optional<MessageContent.File>> open) {
        String path = "files/" + file.id() + "/" + file.name();
        if (files.putIfAbsent(path, new Pending(path, open)) == null) {
            entries.add(new Export.FileEntry(context.caseId(), file.id(), path, file.name(), file.mediaType(),
                                             file.size()));
        }
    }
}

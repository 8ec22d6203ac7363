package nl.familyliaison.rights;

import java.time.Instant;
import java.util.List;

import nl.familyliaison.appointments.AppointmentViews.AppointmentView;
import nl.familyliaison.appointments.AppointmentViews.ProposalView;
import nl.familyliaison.briefings.BriefingService.BriefingView;
import nl.familyliaison.messages.MessageService.ThreadWithMessages;

/**
 * Everything of one member, in the shapes the API gives them (so the export is what they can see, no more):
 * their profile and preferences, per case the timeline, message threads, briefings, interview proposals and
 * appointments, the access log of their cases, and the list of files in the archive.
 */
public record Export(Instant exportedAt, Profile profile, Object preferences, List<CaseExport> cases,
                     Object accessLog, List<FileEntry> files) {

    public record Profile(String id, String email, String name, String language) {
    }

    public record CaseExport(String caseId, Object timeline, List<ThreadWithMessages> threads,
                             List<BriefingView> briefings, List<ProposalView> interviewProposals,
                             List<AppointmentView> appointments) {
    }

    /** A file in the archive: where it is ({@code path}), and what it is. */
    public record FileEntry(String caseId, String id, String path, String name, String type, long size) {
    }
}

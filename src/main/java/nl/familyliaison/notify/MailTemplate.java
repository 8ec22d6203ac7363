package nl.familyliaison.notify;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every mail the service sends: its folder under {@code mail-templates/} (one subject, text and HTML file per
 * language) and its {@link Category}, which decides whether preferences let it through and whether it may wait for
 * the morning. A new mail is a new constant here and a new folder there; {@code MailTemplateTest} holds the two
 * together.
 */
public enum MailTemplate {
    SIGN_IN_CODE("sign-in-code", Category.SIGN_IN),
    MEMBER_INVITATION("member-invitation", Category.ACCOUNT),
    STAFF_INVITATION("staff-invitation", Category.ACCOUNT),
    /** A new enrolment link for a staff account whose password and app were reset. */
    STAFF_NEW_LINK("staff-new-link", Category.ACCOUNT),
    CASE_STAFF_CHANGED("case-staff-changed", Category.ACCOUNT),
    FEEDBACK_RECEIVED("feedback-received", Category.ACCOUNT),
    REMOVAL_REQUESTED("removal-requested", Category.ACCOUNT),
    REMOVAL_CONFIRMED("removal-confirmed", Category.ACCOUNT),
    BRIEFING_NEWS("briefing-news", Category.ACCOUNT),
    PROMISE_REMINDER("promise-reminder", Category.ACCOUNT),
    PROMISE_ESCALATED("promise-escalated", Category.ACCOUNT),
    NEW_UPDATE("new-update", Category.UPDATE),
    UNREAD_REMINDER("unread-reminder", Category.UPDATE),
    BRIEFING_SHARED("briefing-shared", Category.UPDATE),
    NEW_MESSAGE("new-message", Category.MESSAGE),
    APPOINTMENT_PROPOSAL("appointment-proposal", Category.APPOINTMENT),
    APPOINTMENT_PROPOSAL_WITHDRAWN("appointment-proposal-withdrawn", Category.APPOINTMENT),
    APPOINTMENT_ANSWER("appointment-answer", Category.APPOINTMENT),
    APPOINTMENT_CONFIRMED("appointment-confirmed", Category.APPOINTMENT),
    APPOINTMENT_CHANGED("appointment-changed", Category.APPOINTMENT),
    APPOINTMENT_CHANGE_REQUEST("appointment-change-request", Category.APPOINTMENT),
    APPOINTMENT_CANCELLED("appointment-cancelled", Category.APPOINTMENT),
    APPOINTMENT_REMINDER("appointment-reminder", Category.APPOINTMENT),
    APPOINTMENT_REMINDER_STAFF("appointment-reminder-staff", Category.APPOINTMENT);

    private final String folder;
    private final Category category;

    MailTemplate(String folder, Category category) {
        this.folder = folder;
        this.category = category;
    }

    /** The folder under {@code mail-templates/}; also what the outbox row stores. */
    public String folder() {
        return folder;
    }

    public Category category() {
        return category;
    }

    /** The template an outbox row names; empty for a name no constant has (a row older than a removed template). */
    public static Optional<MailTemplate> byFolder(String folder) {
        return Stream.of(values()).filter(template -> template.folder.equals(folder)).findFirst();
    }
}

package nl.familyliaison.notify;

/** The kind of a mail, which decides whether preferences let it through and whether it may wait for the morning. */
public enum Category {
    /** A sign-in code: always sent, at once. */
    SIGN_IN,
    /** An invitation or other account mail: always sent (there is no other way to reach the person). */
    ACCOUNT,
    /** A new or corrected update on the timeline (a milestone). */
    UPDATE,
    /** A new message. */
    MESSAGE,
    /** An interview proposal, confirmation, change, cancellation or reminder. */
    APPOINTMENT;

    /** The kind of mail a stored template name stands for; a name no template has counts as an account mail. */
    public static Category of(String template) {
        return MailTemplate.byFolder(template).map(MailTemplate::category).orElse(ACCOUNT);
    }
}

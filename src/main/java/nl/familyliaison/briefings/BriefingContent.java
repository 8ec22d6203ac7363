package nl.familyliaison.briefings;

import io.helidon.dbclient.DbExecute;

/**
 * What retention and removal may do with briefings without touching the tables: purge a case's briefings, erase
 * one person's remarks.
 */
public final class BriefingContent {

    private final BriefingRepository briefings;

    BriefingContent(BriefingRepository briefings) {
        this.briefings = briefings;
    }

    /** How many briefings the case has. */
    public long count(String caseId) {
        return briefings.countOfCase(caseId);
    }

    /** Deletes the case's briefings with their members and remarks; returns how many there were. */
    public long purge(DbExecute tx, String caseId) {
        return briefings.in(tx).purgeCase(caseId);
    }

    /** Deletes every remark the account wrote in any case. */
    public void eraseRemarksOf(DbExecute tx, String accountId) {
        briefings.in(tx).eraseRemarksOf(accountId);
    }
}

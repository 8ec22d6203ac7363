package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.post;
import static nl.familyliaison.messages.MessageCalls.startThread;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one post costs the database: statements (MariaDB's Questions) and durable commits (Com_commit) per post,
 * measured over {@link #POSTS} posts of one member. The figures include the service's background work meanwhile
 * (the mail worker, the audit sealer), so the bounds leave room for it; they fail when a post grows new round trips.
 * Measured before the post was folded into one transaction: 37.4 statements and 4.3 commits per post; then 27.2
 * and 1.2; with the message taking its position from the locked thread row and the author's account taken from
 * the session: 24.3 and 1.0.
 */
class PostCostTest {

    private static final int POSTS = 50;

    @RegisterExtension
    static final TestService service = TestService.perClass(
            settings -> settings.set("rate-limits.message-post-account.capacity", "1000"));

    private static final CaseFiles CASES = new CaseFiles(service);

    @Test
    void aPostMakesAFewStatementsAndCommits() throws SQLException {
        Cast cast = CASES.cast("cost");
        Member anna = CASES.member(cast, "anna-cost");
        String threadId = startThread(anna.api(), cast.caseId(), "een").path("thread").path("id").asText();
        post(anna.api(), cast.caseId(), threadId, "warm");
        long questions = status("Questions");
        long commits = status("Com_commit");
        for (int i = 0; i < POSTS; i++) {
            post(anna.api(), cast.caseId(), threadId, "bericht " + i);
        }
        // Less the two SHOW STATUS statements of the measurement itself.
        double statementsPerPost = (status("Questions") - questions - 2) / (double) POSTS;
        double commitsPerPost = (status("Com_commit") - commits) / (double) POSTS;
        System.out.printf("post cost: %.1f statements, %.1f commits per post%n", statementsPerPost, commitsPerPost);
        assertTrue(statementsPerPost <= 28, "statements per post: " + statementsPerPost);
        assertTrue(commitsPerPost <= 1.5, "commits per post: " + commitsPerPost);
    }

    private static long status(String name) throws SQLException {
        try (Connection connection = service.running().database().dataSource().getConnection();
             Statement sql = connection.createStatement();
             ResultSet status = sql.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            status.next();
            return status.getLong(2);
        }
    }
}

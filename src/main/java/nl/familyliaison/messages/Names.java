package nl.familyliaison.messages;

import java.util.HashMap;
import java.util.Map;

import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.messages.MessageViews.Person;

/**
 * The people named in one answer, each looked up once however often they appear. A member is named as they were
 * entered for this case: their account may come from another case, whose name for them is not this case's business.
 */
final class Names {

    private final AccountRepository accounts;
    private final Map<String, String> caseNames;
    private final Map<String, Account> known = new HashMap<>();

    Names(AccountRepository accounts, Map<String, String> caseNames) {
        this.accounts = accounts;
        this.caseNames = caseNames;
    }

    /** Takes {@code account} as read already in this request (the author's, with their session): no second read. */
    Names knowing(Account account) {
        known.put(account.id(), account);
        return this;
    }

    Account account(String accountId) {
        return known.computeIfAbsent(accountId, id -> accounts.byId(id).orElseThrow(
                () -> new IllegalStateException("Account " + id + " is referenced but does not exist")));
    }

    /** The name of a membership of the case ({@code memberId}, may be null: then null), as the case names them. */
    String member(String memberId, Roster roster) {
        String accountId = memberId == null ? null : roster.memberAccounts().get(memberId);
        return accountId == null ? null : person(accountId).name();
    }

    Person person(String accountId) {
        Account account = account(accountId);
        return new Person(caseNames.getOrDefault(accountId, account.displayName()), account.role());
    }
}

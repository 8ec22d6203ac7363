package nl.familyliaison.messages;

import java.util.HashMap;
import java.util.Map;

import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.messages.MessageViews.Person;

/** The people named in one answer, each looked up once however often they appear. */
final class Names {

    private final AccountRepository accounts;
    private final Map<String, Account> known = new HashMap<>();

    Names(AccountRepository accounts) {
        this.accounts = accounts;
    }

    Account account(String accountId) {
        return known.computeIfAbsent(accountId, id -> accounts.byId(id).orElseThrow(
                () -> new IllegalStateException("Account " + id + " is referenced but does not exist")));
    }

    Person person(String accountId) {
        Account account = account(accountId);
        return new Person(account.displayName(), account.role());
    }
}

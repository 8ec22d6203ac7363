package nl.familyliaison.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/**
 * Members' phone numbers, one per membership, for the case's family inspector only: sealed with AES-256-GCM and
 * bound to the membership's id. Never used to sign in or to mail.
 */
public final class PhoneRepository {

    private final Supplier<DbExecute> db;
    private final SealedText numbers;

    public PhoneRepository(DbClient db, KeyRing keys) {
        this(db::execute, new SealedText(keys, "investigation_member.phone"));
    }

    private PhoneRepository(Supplier<DbExecute> db, SealedText numbers) {
        this.db = db;
        this.numbers = numbers;
    }

    PhoneRepository in(DbExecute tx) {
        return new PhoneRepository(() -> tx, numbers);
    }

    /** Sets or (with null) removes the phone number of a current membership. */
    void set(String caseId, String memberId, String phone) {
        KeyRing.Sealed sealed = phone == null ? null : numbers.seal(memberId, phone);
        db.get().createNamedUpdate("member-phone-set").addParam("id", memberId).addParam("caseId", caseId)
                .addParam("keyId", sealed == null ? null : sealed.keyId())
                .addParam("phone", sealed == null ? null : sealed.bytes())
                .execute();
    }

    /** The phone numbers of the case's current members, by membership id. */
    Map<String, String> ofCase(String caseId) {
        Map<String, String> phones = new HashMap<>();
        db.get().createNamedQuery("member-phones-by-case").addParam("caseId", caseId).execute()
                .forEach(row -> phones.put(Rows.text(row, "id"), open(row)));
        return phones;
    }

    /** The phone numbers of current members of the cases {@code staffAccountId} is family inspector of. */
    Map<String, String> onCasesInspectedBy(String staffAccountId) {
        Map<String, String> phones = new HashMap<>();
        db.get().createNamedQuery("member-phones-on-cases-of-inspector").addParam("staffId", staffAccountId)
                .execute()
                .forEach(row -> phones.put(Rows.text(row, "id"), open(row)));
        return phones;
    }

    private String open(DbRow row) {
        KeyRing.Sealed sealed = new KeyRing.Sealed(Rows.text(row, "phone_key_id"), Rows.bytes(row, "phone"));
        return numbers.open(Rows.text(row, "id"), sealed);
    }
}

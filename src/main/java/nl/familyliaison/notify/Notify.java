package nl.familyliaison.notify;

import java.nio.file.Path;
import java.time.Clock;

import io.helidon.config.Config;
import io.helidon.metrics.api.Metrics;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.StoredAddresses;
import nl.familyliaison.platform.PublicUrl;
import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Languages;

/**
 * Notification as the rest of the service sees it: the outbox every feature writes its mail to, the worker that
 * delivers it in the background, and the HTTP service for a person's preferences.
 */
public record Notify(Outbox outbox, DeliveryWorker delivery, PreferenceService preferences) {

    /**
     * The worker reads and writes the outbox on the background pool, so requests never wait behind a delivery. Mail
     * queued to an address stored before addresses were canonical is first addressed in canonical form.
     */
    public static Notify create(Config config, Database database, AccountRepository accounts, Guards guards,
                                KeyRing keys, Clock clock, Path dataDir, Languages languages) {
        PreferenceRepository preferences = new PreferenceRepository(database.client());
        OutboxRepository repository = new OutboxRepository(database.client());
        new StoredAddresses("outbox mail", repository.recipientAddresses()).canonicaliseRemaining();
        Outbox outbox = new Outbox(repository, preferences, keys, clock, languages.standard());
        MailTemplates templates = new MailTemplates(Path.of(config.get("mail.templates").asString()
                                                                    .orElse("mail-templates")),
                                                    PublicUrl.of(config), languages);
        if (!templates.missing().isEmpty()) {
            throw new IllegalStateException("A listed language lacks mail templates, so its mails could not be sent: "
                                            + String.join(", ", templates.missing()));
        }
        OutboxRepository background = new OutboxRepository(database.backgroundClient());
        DeliveryWorker delivery = new DeliveryWorker(background, outbox, templates,
                                                     MailSender.create(config.get("mail"), dataDir.resolve("mail")),
                                                     clock, DeliveryWorker.Settings.from(config.get("notify.delivery")),
                                                     new OutboxMetrics(Metrics.globalRegistry(), background, clock));
        return new Notify(outbox, delivery, new PreferenceService(preferences, accounts, guards, clock));
    }
}

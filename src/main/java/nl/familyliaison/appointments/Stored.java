package nl.familyliaison.appointments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.helidon.dbclient.DbExecute;

/** Reads proposals, answers, appointments and history back as the domain sees them, with their texts opened. */
final class Stored {

    private final AppointmentRepository repository;
    private final Vault vault;

    Stored(AppointmentRepository repository, Vault vault) {
        this.repository = repository;
        this.vault = vault;
    }

    Stored in(DbExecute tx) {
        return new Stored(repository.in(tx), vault);
    }

    Optional<Proposal> proposal(String id) {
        return repository.proposal(id).map(this::proposal);
    }

    List<Proposal> proposalsOfCase(String caseId) {
        return repository.proposalsOfCase(caseId).stream().map(this::proposal).toList();
    }

    List<Answer> answers(String proposalId) {
        return repository.answers(proposalId).stream().map(row -> {
            Answer.Words words = vault.open(row.words(), Vault.answer(proposalId, row.memberId()), Answer.Words.class);
            return new Answer(row.memberId(), row.choice(), row.slotId(), words.otherTimes(), words.note(),
                              row.answeredAt(), row.answeredBy());
        }).toList();
    }

    Optional<Appointment> appointment(String id) {
        return repository.appointment(id).map(this::appointment);
    }

    List<Appointment> appointmentsOfCase(String caseId) {
        return repository.appointmentsOfCase(caseId).stream().map(this::appointment).toList();
    }

    List<Appointment> upcomingOfStaff(String accountId, Instant now) {
        return repository.upcomingOfStaff(accountId, now).stream().map(this::appointment).toList();
    }

    List<Appointment> upcomingOfMember(String accountId, Instant now) {
        return repository.upcomingOfMember(accountId, now).stream().map(this::appointment).toList();
    }

    List<Change> history(String appointmentId) {
        return repository.changes(appointmentId).stream()
                .map(row -> new Change(row.kind(), row.actorId(), row.time(),
                                       vault.open(row.reason(), Vault.change(row.id()), String.class), row.at()))
                .toList();
    }

    private Proposal proposal(AppointmentRepository.StoredProposal row) {
        return new Proposal(row.id(), row.caseId(), row.proposedBy(), row.mode(),
                            vault.open(row.details(), Vault.proposal(row.id()), Details.class), row.status(),
                            row.createdAt(), repository.slots(row.id()), repository.proposalStaff(row.id()),
                            repository.proposalMembers(row.id()));
    }

    Appointment appointment(AppointmentRepository.StoredAppointment row) {
        return new Appointment(row.id(), row.caseId(), row.proposalId(), row.mode(),
                               vault.open(row.details(), Vault.appointment(row.id()), Details.class), row.time(),
                               row.status(), row.sequence(), repository.appointmentStaff(row.id()),
                               repository.appointmentMembers(row.id()));
    }
}

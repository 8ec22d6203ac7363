package nl.familyliaison.appointments;

/** How an interview takes place; the place is an address, a video link or (optionally) a phone number. */
public enum InterviewMode {
    IN_PERSON, VIDEO, PHONE
}

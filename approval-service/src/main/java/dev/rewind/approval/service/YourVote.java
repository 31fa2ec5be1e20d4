package dev.rewind.approval.service;

/**
 * What the caller may do on a request now, judged by the voting rules without voting.
 *
 * @param whyNotApprove why approving would be refused (roles, self-approval, four-eyes, held, decided); null if it
 *                      would count
 * @param whyNotReject why rejecting would be refused; null if it would count
 */
public record YourVote(boolean mayApprove, String whyNotApprove, boolean mayReject, String whyNotReject) {
}

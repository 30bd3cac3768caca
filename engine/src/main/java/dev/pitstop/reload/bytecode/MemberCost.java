package dev.pitstop.reload.bytecode;

/**
 * What one member outside the scripts' own classes costs them, as the scripts' member table says:
 * nothing beyond the call, a charge computed from its arguments before it runs, or a refusal.
 * Immutable; any thread.
 */
sealed interface MemberCost {

    /** Why the table lists the member as it does, for messages and for the reader of the table. */
    String reason();

    /** Constant time: the counted points around the call pay for it. */
    record Constant(String reason) implements MemberCost { }

    /** Scripts may not use it. */
    record Refused(String reason) implements MemberCost { }

    /**
     * Charged before the call: {@code work} units and {@code alloc} bytes (either may be null), and,
     * for a stream source, every element that comes out of the stream it returns.
     */
    record Charged(CostExpression work, CostExpression alloc, boolean stream, String reason) implements MemberCost {

        /** Whether the charge depends on the call's arguments or receiver (else it is one fixed number). */
        boolean readsArguments() {
            return work != null && work.readsArguments() || alloc != null && alloc.readsArguments();
        }

        boolean readsParameters() {
            return work != null && work.readsParameters() || alloc != null && alloc.readsParameters();
        }

        /** Whether anything is charged before the call (a stream source alone charges after it). */
        boolean chargesBefore() {
            return work != null || alloc != null;
        }

        boolean readsReceiver() {
            return work != null && work.readsReceiver() || alloc != null && alloc.readsReceiver();
        }
    }
}

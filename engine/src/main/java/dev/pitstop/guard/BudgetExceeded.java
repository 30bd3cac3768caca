package dev.pitstop.guard;

/**
 * Thrown into script code that ran past its work budget, past the wall-clock backstop, asked for
 * an array larger than what is left of its run's allocation allowance, or ran where no budget was
 * started. An {@link Error}, so that {@code catch (Exception e)} in a script lets it through; a script that catches it anyway
 * (as a {@code Throwable}) gets a new one at its next counted point, handlers included. Scripts
 * cannot name this class (the sandbox forbids it), so only the engine catches it on purpose.
 *
 * <p>Made on whichever thread ran the script code; its stack trace locates the script line where
 * the code was stopped, and the engine turns it into text at once (see {@code sim.ErrorText}).
 */
public final class BudgetExceeded extends Error {

    private static final long serialVersionUID = 1L;

    BudgetExceeded(String message) {
        super(message);
    }
}

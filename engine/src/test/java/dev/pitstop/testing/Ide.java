package dev.pitstop.testing;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an IDE does with a line breakpoint, through JDI: attaches to a JDWP port on 127.0.0.1, and
 * binds the breakpoint (class name and line) in every class of that name, those loaded already and
 * each one prepared later (a {@link ClassPrepareRequest}, as IDEs do, so it binds again in every
 * new script generation). The test thread.
 */
public final class Ide implements AutoCloseable {

    /** A breakpoint that was hit; the VM (or the thread) stays suspended until {@link #resume()}. */
    public record Hit(BreakpointEvent event, EventSet set) {
        public ThreadReference thread() {
            return event.thread();
        }

        public Location location() {
            return event.location();
        }

        public void resume() {
            set.resume();
        }
    }

    private final VirtualMachine vm;
    private final String className;
    private final int line;
    private final List<ReferenceType> bound = new ArrayList<>();
    private final List<BreakpointRequest> requests = new ArrayList<>();
    private int suspendPolicy = EventRequest.SUSPEND_ALL;
    private boolean armed = true;

    private Ide(VirtualMachine vm, String className, int line) {
        this.vm = vm;
        this.className = className;
        this.line = line;
    }

    /**
     * Attaches to {@code 127.0.0.1:port} (trying again until the JVM listens, up to
     * {@link RunningEngine#PATIENCE}) and sets a breakpoint at {@code className:line}, suspending the
     * whole VM when hit, as IntelliJ IDEA does by default.
     */
    public static Ide attach(int port, String className, int line) throws Exception {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
        Map<String, Connector.Argument> args = socket.defaultArguments();
        args.get("hostname").setValue("127.0.0.1");
        args.get("port").setValue(Integer.toString(port));
        long deadline = System.nanoTime() + RunningEngine.PATIENCE.toNanos();
        VirtualMachine vm;
        while (true) {
            try {
                vm = socket.attach(args);
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("cannot attach to 127.0.0.1:" + port, notYet);
                }
                Thread.sleep(50); // the JVM is still starting: nothing to wait on
            } catch (IllegalConnectorArgumentsException e) {
                throw new AssertionError(e);
            }
        }
        Ide ide = new Ide(vm, className, line);
        EventRequestManager erm = vm.eventRequestManager();
        ClassPrepareRequest prepared = erm.createClassPrepareRequest();
        prepared.addClassFilter(className);
        prepared.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
        prepared.enable();
        for (ReferenceType t : vm.classesByName(className)) {
            ide.bind(t);
        }
        return ide;
    }

    private void bind(ReferenceType type) throws AbsentInformationException {
        if (!type.isPrepared() || bound.contains(type)) {
            return; // loaded but not linked yet: its prepare event binds it
        }
        bound.add(type);
        List<Location> at = type.locationsOfLine(line);
        if (at.isEmpty()) {
            throw new AssertionError("no code at " + className + ":" + line + " in " + type);
        }
        for (Location l : at) {
            BreakpointRequest r = vm.eventRequestManager().createBreakpointRequest(l);
            r.setSuspendPolicy(suspendPolicy);
            requests.add(r);
            if (armed) {
                r.enable();
            }
        }
    }

    /** The classes of that name the breakpoint was bound in, in the order they were prepared. */
    public List<ReferenceType> boundIn() {
        return List.copyOf(bound);
    }

    /**
     * From now on, hits suspend only the thread that hit ({@code true}, Eclipse's default) or the
     * whole VM; applies to the breakpoints bound so far too.
     */
    public void suspendOnlyTheThread(boolean thread) {
        suspendPolicy = thread ? EventRequest.SUSPEND_EVENT_THREAD : EventRequest.SUSPEND_ALL;
        for (BreakpointRequest r : requests) {
            boolean on = r.isEnabled();
            r.disable();
            r.setSuspendPolicy(suspendPolicy);
            r.setEnabled(on);
        }
    }

    /** Sets the breakpoint again in {@code type}, one of {@link #boundIn()}. */
    public void unmute(ReferenceType type) {
        for (BreakpointRequest r : requests) {
            if (r.location().declaringType().equals(type)) {
                r.enable();
            }
        }
    }

    /** Mutes the breakpoint in every class bound so far; classes prepared later get it only if {@code later}. */
    public void mute(boolean later) {
        for (BreakpointRequest r : requests) {
            r.disable();
        }
        armed = later;
    }

    /** The next hit, binding the breakpoint in classes prepared meanwhile; fails after {@code millis}. */
    public Hit nextHit(long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            EventSet set = left > 0 ? vm.eventQueue().remove(left) : null;
            if (set == null) {
                throw new AssertionError("no breakpoint hit at " + className + ":" + line + " in " + millis + " ms");
            }
            BreakpointEvent hit = null;
            for (Event e : set) {
                if (e instanceof ClassPrepareEvent p) {
                    bind(p.referenceType());
                } else if (e instanceof BreakpointEvent b) {
                    hit = b;
                } else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
                    throw new AssertionError("the engine's JVM went away: " + e);
                }
            }
            if (hit != null) {
                return new Hit(hit, set);
            }
            set.resume();
        }
    }

    @Override
    public void close() {
        try {
            vm.dispose();
        } catch (RuntimeException alreadyGone) {
            // the JVM ended or the connection dropped: nothing left to let go of
        }
    }
}

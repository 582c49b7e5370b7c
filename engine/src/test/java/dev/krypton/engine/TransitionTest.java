package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command in every tenant state, including the illegal ones (docs/design.md section 3). */
class TransitionTest {

    private static final TenantId T = TenantId.of("acme");
    private static final RootKeyRef A = RootKeyRef.of("fake", "key-a");
    private static final RootKeyRef B = RootKeyRef.of("fake", "key-b");

    private static TenantCommand command(String name) {
        return switch (name) {
            case "link" -> new TenantCommand.Link(T, A);
            case "linkOther" -> new TenantCommand.Link(T, B);
            case "unlink" -> new TenantCommand.Unlink(T);
            case "disable" -> new TenantCommand.Disable(T);
            case "enable" -> new TenantCommand.Enable(T);
            case "switchSame" -> new TenantCommand.SwitchRootKey(T, A);
            case "switch" -> new TenantCommand.SwitchRootKey(T, B);
            case "rotate" -> new TenantCommand.RotateRootKey(T);
            case "rotateL2" -> new TenantCommand.RotateTenantKey(T);
            case "destroy" -> new TenantCommand.Destroy(T);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String describe(Transition t) {
        return switch (t) {
            case Transition.NoOp n -> "noop";
            case Transition.Reject r -> r.code().name();
            case Transition.CreateL2 c -> "createL2";
            case Transition.Load l -> "load";
            case Transition.Zeroize z -> "zeroize:" + z.target();
            case Transition.RewrapL2 r -> "rewrap:" + r.rootKey().keyId();
            case Transition.NewL2 n -> "newL2";
            case Transition.Shred s -> "shred";
        };
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
        "link,       UNLINKED,     load",
        "link,       ACTIVE,       noop",
        "link,       DISABLED,     ILLEGAL_STATE",
        "link,       ROOT_REVOKED, load",
        "link,       DESTROYED,    ILLEGAL_STATE",
        "linkOther,  UNLINKED,     INVALID_ARGUMENT",
        "linkOther,  ACTIVE,       INVALID_ARGUMENT",
        "unlink,     UNLINKED,     noop",
        "unlink,     ACTIVE,       zeroize:UNLINKED",
        "unlink,     DISABLED,     noop",
        "unlink,     ROOT_REVOKED, zeroize:UNLINKED",
        "unlink,     DESTROYED,    noop",
        "disable,    UNLINKED,     zeroize:DISABLED",
        "disable,    ACTIVE,       zeroize:DISABLED",
        "disable,    DISABLED,     noop",
        "disable,    ROOT_REVOKED, zeroize:DISABLED",
        "disable,    DESTROYED,    ILLEGAL_STATE",
        "enable,     UNLINKED,     ILLEGAL_STATE",
        "enable,     ACTIVE,       noop",
        "enable,     DISABLED,     load",
        "enable,     ROOT_REVOKED, ILLEGAL_STATE",
        "enable,     DESTROYED,    ILLEGAL_STATE",
        "switch,     UNLINKED,     ILLEGAL_STATE",
        "switch,     ACTIVE,       rewrap:key-b",
        "switchSame, ACTIVE,       noop",
        "switch,     DISABLED,     ILLEGAL_STATE",
        "switch,     ROOT_REVOKED, ILLEGAL_STATE",
        "switch,     DESTROYED,    ILLEGAL_STATE",
        "rotate,     UNLINKED,     ILLEGAL_STATE",
        "rotate,     ACTIVE,       rewrap:key-a",
        "rotate,     DISABLED,     ILLEGAL_STATE",
        "rotate,     ROOT_REVOKED, ILLEGAL_STATE",
        "rotate,     DESTROYED,    ILLEGAL_STATE",
        "rotateL2,   UNLINKED,     ILLEGAL_STATE",
        "rotateL2,   ACTIVE,       newL2",
        "rotateL2,   DISABLED,     ILLEGAL_STATE",
        "rotateL2,   ROOT_REVOKED, ILLEGAL_STATE",
        "rotateL2,   DESTROYED,    ILLEGAL_STATE",
        "destroy,    UNLINKED,     shred",
        "destroy,    ACTIVE,       shred",
        "destroy,    DISABLED,     shred",
        "destroy,    ROOT_REVOKED, shred",
        "destroy,    DESTROYED,    noop",
    })
    void commandInState(String command, TenantState state, String expected) {
        assertThat(describe(Transition.of(command(command), Optional.of(state), Optional.of(A)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on an unknown tenant -> {1}")
    @CsvSource({
        "link, createL2", "unlink, NOT_FOUND", "disable, NOT_FOUND", "enable, NOT_FOUND", "switch, NOT_FOUND",
        "rotate, NOT_FOUND", "rotateL2, NOT_FOUND", "destroy, NOT_FOUND",
    })
    void commandOnUnknownTenant(String command, String expected) {
        assertThat(describe(Transition.of(command(command), Optional.empty(), Optional.empty()))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "reject messages name the tenant and state for {0}")
    @CsvSource({"enable", "switch", "rotate", "rotateL2"})
    void rejectionsExplainThemselves(String command) {
        Transition t = Transition.of(command(command), Optional.of(TenantState.UNLINKED), Optional.of(A));
        assertThat(t).isInstanceOfSatisfying(Transition.Reject.class,
                r -> assertThat(List.of(r.reason())).allMatch(m -> m.contains("acme") && m.contains("UNLINKED")));
    }
}

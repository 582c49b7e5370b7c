package dev.krypton.rootkey.pkcs11;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.krypton.rootkey.RootKeyException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Finds the slot whose token carries a label, because SunPKCS11's configuration knows slots but not
 * token labels. Calls the module directly through FFM (PKCS#11 base specification 2.40, sections
 * 5.4 and 5.5): {@code C_GetFunctionList}, {@code C_Initialize} (CKR_CRYPTOKI_ALREADY_INITIALIZED is
 * fine: SunPKCS11 tolerates it as well), {@code C_GetSlotList} and {@code C_GetTokenInfo}, whose
 * {@code CK_TOKEN_INFO} begins with the 32-byte blank-padded label. {@code C_Finalize} is never
 * called: the module stays initialized for SunPKCS11 in the same process.
 * Layout assumptions: LP64 (CK_ULONG = 8 bytes), function pointers start at offset 8 of CK_FUNCTION_LIST.
 */
final class TokenLabels {

    private static final long CKR_OK = 0;
    private static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    private static final int C_INITIALIZE = 0;
    private static final int C_GET_SLOT_LIST = 4;
    private static final int C_GET_TOKEN_INFO = 6;
    private static final int TOKEN_INFO_BYTES = 208;

    private TokenLabels() {
    }

    /** The slot id of the token labelled {@code label}; UNAVAILABLE when no present token has it. */
    static long slotOf(Path library, String label) {
        Linker linker = Linker.nativeLinker();
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup module = SymbolLookup.libraryLookup(library, Arena.global());
            MethodHandle getFunctionList = linker.downcallHandle(module.find("C_GetFunctionList").orElseThrow(),
                    FunctionDescriptor.of(JAVA_LONG, ADDRESS));
            MemorySegment listPointer = arena.allocate(ADDRESS);
            check("C_GetFunctionList", (long) getFunctionList.invokeExact(listPointer));
            MemorySegment list = listPointer.get(ADDRESS, 0).reinterpret(8L + 8L * 70);
            long rv = (long) function(linker, list, C_INITIALIZE, FunctionDescriptor.of(JAVA_LONG, ADDRESS))
                    .invokeExact(MemorySegment.NULL);
            if (rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                check("C_Initialize", rv);
            }
            MethodHandle getSlotList = function(linker, list, C_GET_SLOT_LIST,
                    FunctionDescriptor.of(JAVA_LONG, JAVA_BYTE, ADDRESS, ADDRESS));
            MemorySegment count = arena.allocate(JAVA_LONG);
            check("C_GetSlotList", (long) getSlotList.invokeExact((byte) 1, MemorySegment.NULL, count));
            MemorySegment slots = arena.allocate(JAVA_LONG, Math.max(1, count.get(JAVA_LONG, 0)));
            check("C_GetSlotList", (long) getSlotList.invokeExact((byte) 1, slots, count));
            MethodHandle getTokenInfo = function(linker, list, C_GET_TOKEN_INFO,
                    FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS));
            MemorySegment info = arena.allocate(TOKEN_INFO_BYTES, 8);
            for (long i = 0; i < count.get(JAVA_LONG, 0); i++) {
                long slot = slots.getAtIndex(JAVA_LONG, i);
                if ((long) getTokenInfo.invokeExact(slot, info) == CKR_OK
                        && new String(info.asSlice(0, 32).toArray(JAVA_BYTE), StandardCharsets.UTF_8).stripTrailing().equals(label)) {
                    return slot;
                }
            }
            throw RootKeyException.unavailable("pkcs11: no token labelled '" + label + "' is present");
        } catch (IllegalArgumentException e) {
            throw RootKeyException.unavailable("pkcs11: cannot load module " + library);
        } catch (RootKeyException e) {
            throw e;
        } catch (Throwable e) {
            throw RootKeyException.unavailable("pkcs11: token lookup failed: " + e.getClass().getSimpleName());
        }
    }

    private static MethodHandle function(Linker linker, MemorySegment list, int index, FunctionDescriptor descriptor) {
        return linker.downcallHandle(list.get(ADDRESS, 8L + 8L * index), descriptor);
    }

    private static void check(String function, long rv) {
        if (rv != CKR_OK) {
            throw RootKeyException.unavailable("pkcs11: " + function + " returned 0x" + Long.toHexString(rv));
        }
    }
}

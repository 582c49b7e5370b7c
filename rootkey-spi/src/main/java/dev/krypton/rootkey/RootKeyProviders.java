package dev.krypton.rootkey;

import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link RootKeyProvider} plugins on the class path or module path by name. */
public final class RootKeyProviders {

    private RootKeyProviders() {
    }

    /** Every provider the class loader can see. */
    public static List<RootKeyProvider> available(ClassLoader loader) {
        return ServiceLoader.load(RootKeyProvider.class, loader).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The provider named {@code name}; DENIED when none is installed. */
    public static RootKeyProvider byName(String name, ClassLoader loader) {
        return available(loader).stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> RootKeyException.denied("no root-key provider named '" + name + "' is installed"));
    }

    /** Opens {@code ref} with the provider it names. */
    public static RootKey open(RootKeyRef ref, KeyServices services, ClassLoader loader) {
        return byName(ref.provider(), loader).open(ref, services);
    }
}

package com.warden.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.util.Callback;

/**
 * Gives FXMLLoader its controllers from suppliers filled in by hand (in the shell's Composition,
 * or in a Screen's factory), and fails loudly for a controller nobody registered: an FXML file
 * naming a controller class must never get a silently constructed instance without its view-model.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Supplier<?>> suppliers = new LinkedHashMap<>();

    public static <T> ControllerFactory of(Class<T> type, Supplier<? extends T> supplier) {
        return new ControllerFactory().with(type, supplier);
    }

    public <T> ControllerFactory with(Class<T> type, Supplier<? extends T> supplier) {
        suppliers.put(type, supplier);
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> supplier = suppliers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("No controller registered for " + type.getName()
                    + "; register it in the ControllerFactory that loads this view (known: " + suppliers.keySet() + ")");
        }
        Object controller = supplier.get();
        if (!type.isInstance(controller)) {
            throw new IllegalStateException("The supplier for " + type.getName() + " made a " + controller.getClass().getName());
        }
        return controller;
    }
}

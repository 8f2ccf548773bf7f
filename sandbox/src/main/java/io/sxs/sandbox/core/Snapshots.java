package io.sxs.sandbox.core;

import io.sxs.sandbox.http.Json;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Sandbox state files: Java serialization of the state classes, written to a temporary file and moved into place so a
 * crash mid-write never leaves a torn snapshot. Only for restarting the same build (no cross-version promise).
 */
public final class Snapshots {

    private static final String NODE_FORM = "com.fasterxml.jackson.databind.node.NodeSerialization";

    private Snapshots() {
    }

    /** A JSON tree as its text: Jackson's own form reads decimals back as doubles (12.50 would become 12.5). */
    private record JsonText(byte[] json) implements Serializable {
        @java.io.Serial
        private Object readResolve() throws java.io.ObjectStreamException {
            try {
                return Json.MAPPER.readTree(json);
            } catch (IOException e) {
                throw new java.io.InvalidObjectException("a JSON tree in the snapshot is not JSON: " + e.getMessage());
            }
        }
    }

    public static void write(Path file, Serializable state) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
                 ObjectOutputStream objects = new JsonKeepingOutput(out)) {
                objects.writeObject(state);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sandbox snapshot " + file, e);
        }
    }

    /** Reads a snapshot; any failure names the file (a corrupt or foreign file must never pass for empty state). */
    public static <T> T read(Path file, Class<T> type) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             ObjectInputStream objects = new ObjectInputStream(in)) {
            return type.cast(objects.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("cannot read sandbox snapshot " + file + ": " + e, e);
        }
    }

    private static final class JsonKeepingOutput extends ObjectOutputStream {
        JsonKeepingOutput(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            if (!obj.getClass().getName().equals(NODE_FORM)) {
                return obj;
            }
            try {
                var json = obj.getClass().getDeclaredField("json");
                json.setAccessible(true);
                return new JsonText((byte[]) json.get(obj));
            } catch (ReflectiveOperationException e) {
                throw new IOException("this Jackson version stores JSON trees differently", e);
            }
        }
    }
}

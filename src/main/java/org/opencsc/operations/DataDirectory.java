package org.opencsc.operations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;

/**
 * The data directory of the embedded database (opencsc.data-dir), readable by the application's
 * own user only: the directory 0700 and each file in it 0600, on file systems with POSIX
 * permissions (elsewhere, such as Windows, nothing is changed). Files the database makes later
 * are covered by the directory: nobody else may open anything inside it.
 */
final class DataDirectory {

  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private final Path path;
  private final Log log;

  DataDirectory(Path path, Log log) {
    this.path = path;
    this.log = log;
  }

  Path path() {
    return path;
  }

  /** Creates the directory if need be, then makes it and everything in it private. */
  void keepPrivate() {
    try {
      Files.createDirectories(path);
      if (!Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
        return;
      }
      Files.setPosixFilePermissions(path, DIRECTORY);
      try (Stream<Path> entries = Files.list(path)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          if (!Files.isSymbolicLink(entry)) {
            Files.setPosixFilePermissions(entry, Files.isDirectory(entry) ? DIRECTORY : FILE);
          }
        }
      }
    } catch (IOException e) {
      log.warn("Could not make the data directory " + path + " readable by this user only (0700, files 0600): "
          + e + ". Set its permissions yourself.");
    }
  }

  /**
   * Writes a secret to a file only this user may read (0600 from the start), completely or not
   * at all: a crash leaves either the old file or the new one, never half a secret.
   */
  void writeSecret(Path file, String secret) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.createFile(partial, PosixFilePermissions.asFileAttribute(FILE));
    } else {
      Files.createFile(partial);
    }
    try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(secret.getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static String readSecret(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }
}

// Small file-system helpers for the lead store: free space, durable directory entries, and files
// replaced atomically (a reader after a power cut sees the old content or the new, whole).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

#include "media/error.h"

namespace etalase::leads {

// Bytes an unprivileged writer may still use on the file system holding `path` (statvfs).
Result<std::uint64_t> freeBytes(const std::filesystem::path& path);

// fsync()s a folder so that entries just created, renamed or removed in it survive a power cut.
[[nodiscard]] std::optional<Error> syncFolder(const std::filesystem::path& folder);

// fsync()s a file written by someone else (a library that only takes a file name) so its content
// survives a power cut before it is renamed into place.
[[nodiscard]] std::optional<Error> syncFile(const std::filesystem::path& file);

// Writes `content` to `file` through `file`.tmp: write, fsync, rename, fsync the folder.
// Mode 0600: the content may be personal data.
[[nodiscard]] std::optional<Error> replaceFileAtomically(const std::filesystem::path& file,
                                                         std::string_view content);

// Removes `file` if it exists and syncs its folder.
[[nodiscard]] std::optional<Error> removeFileDurably(const std::filesystem::path& file);

}  // namespace etalase::leads

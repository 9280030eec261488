// Checks a content pack before it goes on a stand: the manifest, the texts, and every media file
// decoded in full. Decoding runs in a child process per file, so a file that crashes or hangs
// the decoder is reported like any other problem instead of taking the checker down.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace etalase::kiosk {

struct PackProblem {
  std::string file;   // relative to the pack, e.g. "pack.json" or "videos/a.mp4"
  std::string field;  // the manifest field, e.g. "products[2].videos[0]"; empty if none
  std::string what;
  bool fatal = false;  // false: a warning; the pack still passes
};

struct PackReport {
  std::vector<PackProblem> problems;
  int mediaFilesChecked = 0;

  bool passed() const;
  int errorCount() const;
  int warningCount() const;
};

struct MediaCheckProgress {
  int index = 0;  // 1-based
  int count = 0;
  const char* kind = "";  // "video" or "image"
  std::string file;       // relative to the pack
};

inline constexpr const char* kKnownLanguages[] = {"en", "id", "zh", "ms"};

struct ValidateOptions {
  // The media checker: a program and its first arguments. For each file it is run with
  // "--kind video|image --max-size WxH -- FILE" appended; exit status 0 means the file decodes,
  // otherwise the last line it wrote to standard error says why. Empty: files are not decoded.
  std::vector<std::string> mediaChecker;
  // A file that takes longer is reported as a hang and its checker killed.
  std::chrono::milliseconds perFileTimeout{std::chrono::minutes(5)};
  std::function<void(const MediaCheckProgress&)> progress;
  // Asked between files and while a checker runs: true stops the check (the pack then fails).
  std::function<bool()> cancelled;
  // Larger files are reported, not decoded: a board cannot play them (or show them) smoothly.
  std::uintmax_t maxVideoBytes = std::uintmax_t{2} * 1024 * 1024 * 1024;
  std::uintmax_t maxImageBytes = 40 * 1000 * 1000;
  int maxImageWidth = 8000;
  int maxImageHeight = 8000;
};

PackReport validatePack(const std::filesystem::path& pack, const ValidateOptions& options);

}  // namespace etalase::kiosk

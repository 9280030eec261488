// Stands in for the board's stick helper: a stick that is read-only until made writable, and
// counts what it was asked.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "platform/stick_write_access.h"

namespace etalase::test {

class FakeStick final : public platform::StickWriteAccess {
 public:
  bool readOnly(const std::filesystem::path&) const override { return m_readOnly; }
  std::optional<std::string> makeWritable(const std::filesystem::path& mountPoint) override {
    ++writableAsked;
    filesWhenMadeWritable = filesIn(mountPoint);
    if (refusal) return refusal;
    m_readOnly = false;
    return std::nullopt;
  }
  std::optional<std::string> makeReadOnly(const std::filesystem::path& mountPoint) override {
    ++readOnlyAsked;
    filesWhenMadeReadOnly = filesIn(mountPoint);
    if (readOnlyRefusal) return readOnlyRefusal;
    m_readOnly = true;
    return std::nullopt;
  }
  void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

  int writableAsked = 0;
  int readOnlyAsked = 0;
  std::optional<std::string> refusal;          // what the helper says instead of making it writable
  std::optional<std::string> readOnlyRefusal;  // ... instead of making it read-only again
  // What the "stick" (a folder) held at each step: the export must write between the two.
  int filesWhenMadeWritable = -1;
  int filesWhenMadeReadOnly = -1;

 private:
  static int filesIn(const std::filesystem::path& folder) {
    std::error_code error;
    int files = 0;
    for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) ++files;
    return files;
  }
  bool m_readOnly = true;
};

}  // namespace etalase::test

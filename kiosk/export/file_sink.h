// A file written front to back through a buffer, for the text export formats: few system calls
// for 100,000 small records, and the first write error kept, naming the file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "media/error.h"

namespace etalase::exporting {

class FileSink {
 public:
  // Creates or truncates the file with mode 0600 (it holds personal data).
  static Result<FileSink> create(const std::filesystem::path& file);

  FileSink(FileSink&& other) noexcept;
  FileSink& operator=(FileSink&&) = delete;
  FileSink(const FileSink&) = delete;
  ~FileSink();

  // Buffers `bytes`; the Error is the first failure so far (later appends are dropped).
  [[nodiscard]] std::optional<Error> append(std::string_view bytes);
  // Writes what is buffered and closes; reports a failure from any write or from close().
  [[nodiscard]] std::optional<Error> close();

  const std::filesystem::path& file() const { return m_file; }

 private:
  FileSink(std::filesystem::path file, int fd);
  std::optional<Error> flush();

  std::filesystem::path m_file;
  int m_fd;
  std::string m_buffer;
  std::optional<Error> m_failure;
};

}  // namespace etalase::exporting

#include "kiosk/export/export_job.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "kiosk/export/export_check.h"
#include "kiosk/leads/store_files.h"

namespace etalase::exporting {

namespace {

namespace fs = std::filesystem;

constexpr const char* kCancelled = "export cancelled";

fs::path folderOf(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

// Removes the .partial file when the export does not get as far as renaming it.
class PartialFile {
 public:
  explicit PartialFile(fs::path file) : m_file(std::move(file)) {}
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;
  ~PartialFile() {
    if (!m_file.empty()) (void)leads::removeFileDurably(m_file);  // nothing better to do
  }
  const fs::path& file() const { return m_file; }
  void renamed() { m_file.clear(); }

 private:
  fs::path m_file;
};

}  // namespace

bool isCancelled(const Error& error) { return error.what == kCancelled; }

Result<ExportSummary> exportLeads(const leads::LeadStore& store, const leads::LeadFilter& filter,
                                  ExportFormat format, const fs::path& finalFile,
                                  const ExportOptions& options) {
  const std::string name = finalFile.string();
  PartialFile partial(fs::path(finalFile) += ".partial");
  // The user knows the final name; the .partial one is gone by the time they read the Error.
  const auto named = [&](Error error) {
    if (error.where == partial.file().string()) error.where = name;
    return error;
  };
  const auto progress = [&](std::int64_t done, std::int64_t total) {
    return !options.progress || options.progress(done, std::max(done, total));
  };

  auto total = store.count(filter);
  if (!total) return total.error();
  if (!progress(0, total.value())) return Error{name, kCancelled};

  auto opened = openWriter(format, partial.file(), options.writer);
  if (!opened) return named(opened.error());
  std::unique_ptr<LeadWriter> writer = std::move(opened.value());
  std::int64_t done = 0;
  std::optional<Error> writeError;
  bool cancelled = false;
  auto readError = store.forEach(filter, [&](const leads::Lead& lead) {
    writeError = writer->write(lead);
    if (writeError) return false;
    ++done;
    cancelled = done % kProgressEvery == 0 && !progress(done, total.value());
    return !cancelled;
  });
  if (readError) return *readError;
  if (writeError) return named(*writeError);
  if (cancelled || !progress(done, done)) return Error{name, kCancelled};
  if (auto error = writer->finish()) return named(*error);
  writer.reset();

  if (auto error = leads::syncFile(partial.file())) return named(*error);
  auto bytes = checkExportFile(partial.file(), format, done);
  if (!bytes) return named(bytes.error());
  if (::rename(partial.file().c_str(), finalFile.c_str()) != 0) {
    return Error{name, std::string("renaming the finished export into place: ") +
                           std::strerror(errno)};
  }
  partial.renamed();
  if (auto error = leads::syncFolder(folderOf(finalFile))) {
    // Not durable: a power cut could still lose it, so do not call it done.
    ::unlink(finalFile.c_str());
    return *error;
  }
  return ExportSummary{finalFile, done, bytes.value()};
}

}  // namespace etalase::exporting

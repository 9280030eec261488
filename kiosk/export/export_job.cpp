#include "kiosk/export/export_job.h"

#include <algorithm>

#include "kiosk/export/export_commit.h"

namespace etalase::exporting {

namespace {

namespace fs = std::filesystem;

constexpr const char* kCancelled = "export cancelled";

}  // namespace

bool isCancelled(const Error& error) { return error.what == kCancelled; }

Result<ExportSummary> exportLeads(const leads::LeadStore& store, const leads::LeadFilter& filter,
                                  ExportFormat format, const fs::path& finalFile,
                                  const ExportOptions& options) {
  const std::string name = finalFile.string();
  PartialExport partial(finalFile);
  const auto named = [&](Error error) { return partial.named(std::move(error)); };
  const auto progress = [&](std::int64_t done, std::int64_t total) {
    return !options.progress || options.progress(done, std::max(done, total));
  };

  auto total = store.count(filter);
  if (!total) return total.error();
  if (!progress(0, total.value())) return Error{name, kCancelled};

  auto opened = openWriter(format, partial.partialFile(), options.writer);
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

  auto bytes = partial.commit(format, done, options.writer.mergedColumns);
  if (!bytes) return bytes.error();
  return ExportSummary{finalFile, done, bytes.value()};
}

}  // namespace etalase::exporting

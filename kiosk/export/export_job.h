// Exports the lead store's leads to one file, for staff (to a USB stick) and for the organiser's
// command-line tool; a UI runs it on a worker thread and shows the progress.
//
//   auto done = exportLeads(store, {}, ExportFormat::Csv, stick / exportFileName(...), options);
//
// The file appears whole or not at all: the leads go to <file>.partial in the same folder, which
// is fsync()ed, read back and checked (export_check.h), renamed to <file>, and the folder synced.
// On an error or a cancel the .partial file is removed and <file> is left as it was. Errors name
// the file (or the database), never a lead's content.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "kiosk/export/export_format.h"
#include "kiosk/export/lead_writer.h"
#include "kiosk/leads/lead_store.h"
#include "media/error.h"

namespace etalase::exporting {

// Called with the leads written so far and the number expected (counted first; raised to `done`
// if the kiosk stored more meanwhile): before the first lead, every kProgressEvery leads and after
// the last. Returning false cancels the export. Runs on the exporting thread.
using ExportProgress = std::function<bool(std::int64_t done, std::int64_t total)>;
inline constexpr std::int64_t kProgressEvery = 100;

struct ExportOptions {
  ExportProgress progress;  // may be empty
  WriterOptions writer;
};

struct ExportSummary {
  std::filesystem::path file;
  std::int64_t leads = 0;
  std::uint64_t bytes = 0;
};

// The Error of an export stopped by its progress callback: not a failure to show as one.
bool isCancelled(const Error& error);

// The filter's leads, oldest first, into `finalFile` in `format`. The store is only read: a kiosk
// may go on storing leads through its own LeadStore meanwhile (they are then left out).
Result<ExportSummary> exportLeads(const leads::LeadStore& store, const leads::LeadFilter& filter,
                                  ExportFormat format, const std::filesystem::path& finalFile,
                                  const ExportOptions& options);

}  // namespace etalase::exporting

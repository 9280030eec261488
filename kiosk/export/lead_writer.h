// One export file being written, a lead at a time. The writers know nothing of the store, of
// progress or of where the file ends up (ExportJob does that); each writes the file it is given.
//
//   auto writer = openWriter(ExportFormat::Csv, "leads.csv.partial", {});
//   for (const Lead& lead : leads) if (auto error = writer.value()->write(lead)) ...
//   if (auto error = writer.value()->finish()) ...
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/export/export_format.h"
#include "kiosk/leads/lead.h"
#include "media/error.h"

namespace etalase::exporting {

struct WriterOptions {
  // A UTF-8 byte order mark first in a CSV file: Excel then reads it as UTF-8 instead of the
  // computer's legacy code page (which turns 王芳 into mojibake). Other programs may show it.
  bool csvByteOrderMark = false;
  // For the JSON Lines header: which kiosk exported, and when (ISO 8601 UTC; empty: now).
  std::string deviceId;
  std::string exportedUtc;
};

class LeadWriter {
 public:
  virtual ~LeadWriter() = default;
  // Errors name the file and never carry a lead's content (it is personal data).
  [[nodiscard]] virtual std::optional<Error> write(const leads::Lead& lead) = 0;
  // Completes and closes the file; nothing may be written after. A writer destroyed without
  // finish() leaves an incomplete file for its owner to remove.
  [[nodiscard]] virtual std::optional<Error> finish() = 0;
};

// Creates (or truncates) `tempFile`, mode 0600, and writes the format's header.
Result<std::unique_ptr<LeadWriter>> openWriter(ExportFormat format,
                                               const std::filesystem::path& tempFile,
                                               const WriterOptions& options);

}  // namespace etalase::exporting

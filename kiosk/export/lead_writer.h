// One export file being written, a lead at a time. The writers know nothing of the store, of
// progress or of where the file ends up (ExportJob does that); each writes the file it is given.
//
//   auto writer = openWriter(ExportFormat::Csv, "leads.csv.partial", {});
//   for (const Lead& lead : leads) if (auto error = writer.value()->write(lead)) ...
//   if (auto error = writer.value()->finish()) ...
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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
  // For the JSON Lines header, from the stand's settings and its pack's catalog: the organiser's
  // merge sends each buyer to the producers of the products they asked about.
  std::string standName;
  std::map<std::string, std::string> producerOfProduct;  // product id -> producer id
  std::map<std::string, std::string> producerNames;      // producer id -> display name
  // A merged file (etalase-leads merge): the columns of MergedFields after the lead's own, and
  // the JSON Lines header says "merged" (and how many files went into it).
  bool mergedColumns = false;
  int mergedFrom = 0;
};

// What a merge adds to each lead: the stand it was left at (its export's stand name, else empty),
// and, when the same person (e-mail or phone) left their contact more than once, a group id such
// as "P12" shared by all those leads and the stands of the group ("Name (device)" or the device).
struct MergedFields {
  std::string standName;
  std::string samePerson;
  std::vector<std::string> seenAtStands;
};

class LeadWriter {
 public:
  virtual ~LeadWriter() = default;
  // Errors name the file and never carry a lead's content (it is personal data).
  [[nodiscard]] std::optional<Error> write(const leads::Lead& lead) { return write(lead, nullptr); }
  // `merged`: the extra columns of a merged file (WriterOptions::mergedColumns); ignored by a
  // writer opened without them, and left empty when null.
  [[nodiscard]] virtual std::optional<Error> write(const leads::Lead& lead,
                                                   const MergedFields* merged) = 0;
  // Completes and closes the file; nothing may be written after. A writer destroyed without
  // finish() leaves an incomplete file for its owner to remove.
  [[nodiscard]] virtual std::optional<Error> finish() = 0;
};

// Creates (or truncates) `tempFile`, mode 0600, and writes the format's header.
Result<std::unique_ptr<LeadWriter>> openWriter(ExportFormat format,
                                               const std::filesystem::path& tempFile,
                                               const WriterOptions& options);

}  // namespace etalase::exporting

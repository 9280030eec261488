// Leads as CSV (RFC 4180): a header row (lead_columns.h), CRLF line ends, UTF-8, fields quoted
// when they hold a comma, a double quote, CR or LF, quotes doubled.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/export/lead_writer.h"

namespace etalase::exporting {

Result<std::unique_ptr<LeadWriter>> openCsvWriter(const std::filesystem::path& file,
                                                  const WriterOptions& options);

// Appends one field to `out`, neutralised against formula injection and quoted as needed.
void appendCsvField(std::string& out, std::string_view value);

}  // namespace etalase::exporting

// Leads as an Excel workbook (libxlsxwriter): one sheet "Leads", the columns of lead_columns.h,
// a bold header row kept in view. Every cell is written as a string, never as a formula or a
// number: "=HYPERLINK(...)" stays text, a phone keeps its + and a postcode its leading zeros.
#pragma once

#include <filesystem>
#include <memory>

#include "kiosk/export/lead_writer.h"

namespace etalase::exporting {

// The file is created by finish() (libxlsxwriter writes the whole zip at the end).
Result<std::unique_ptr<LeadWriter>> openXlsxWriter(const std::filesystem::path& file,
                                                   const WriterOptions& options);

}  // namespace etalase::exporting

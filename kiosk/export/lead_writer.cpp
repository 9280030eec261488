#include "kiosk/export/lead_writer.h"

#include "kiosk/export/csv_writer.h"
#include "kiosk/export/jsonl_writer.h"
#include "kiosk/export/vcard_writer.h"
#include "kiosk/export/xlsx_writer.h"

namespace etalase::exporting {

Result<std::unique_ptr<LeadWriter>> openWriter(ExportFormat format,
                                               const std::filesystem::path& tempFile,
                                               const WriterOptions& options) {
  switch (format) {
    case ExportFormat::Csv: return openCsvWriter(tempFile, options);
    case ExportFormat::Xlsx: return openXlsxWriter(tempFile, options);
    case ExportFormat::VCard: return openVCardWriter(tempFile);
    case ExportFormat::JsonLines: return openJsonLinesWriter(tempFile, options);
  }
  return Error{tempFile.string(), "unknown export format"};
}

}  // namespace etalase::exporting

#include "kiosk/export/export_format.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace etalase::exporting {

std::optional<ExportFormat> parseExportFormat(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (ExportFormat format : kExportFormats) {
    if (lower == fileExtension(format)) return format;
  }
  return std::nullopt;
}

const char* fileExtension(ExportFormat format) {
  switch (format) {
    case ExportFormat::Csv: return "csv";
    case ExportFormat::Xlsx: return "xlsx";
    case ExportFormat::VCard: return "vcf";
    case ExportFormat::JsonLines: return "jsonl";
  }
  return "";
}

}  // namespace etalase::exporting

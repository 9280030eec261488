// The kinds of file leads are exported to, and their names on the command line and on disk.
#pragma once

#include <optional>
#include <string_view>

namespace etalase::exporting {

enum class ExportFormat { Csv, Xlsx, VCard, JsonLines };
inline constexpr ExportFormat kExportFormats[] = {ExportFormat::Csv, ExportFormat::Xlsx,
                                                  ExportFormat::VCard, ExportFormat::JsonLines};

// "csv", "xlsx", "vcf" or "jsonl" (as typed on the command line, any case); else nullopt.
std::optional<ExportFormat> parseExportFormat(std::string_view name);
// The file extension without the dot; the same words parseExportFormat() takes.
const char* fileExtension(ExportFormat format);

}  // namespace etalase::exporting

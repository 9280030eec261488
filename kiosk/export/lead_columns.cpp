#include "kiosk/export/lead_columns.h"

namespace etalase::exporting {

std::vector<std::string_view> leadColumnNames() {
  std::vector<std::string_view> names;
  names.reserve(kLeadColumnCount);
  for (const auto& field : leads::kLeadTextFields) names.emplace_back(field.column);
  names.emplace_back("consent_given");
  names.emplace_back("product_ids");
  return names;
}

void leadCells(const leads::Lead& lead, std::vector<std::string_view>& cells,
               std::string& scratch) {
  cells.clear();
  for (const auto& field : leads::kLeadTextFields) cells.emplace_back(lead.*field.member);
  // Words rather than true/false or 1/0: spreadsheets turn those into booleans or numbers.
  cells.emplace_back(lead.consentGiven ? "yes" : "no");
  scratch.clear();
  for (const std::string& id : lead.productIds) {
    if (!scratch.empty()) scratch += ';';
    scratch += id;
  }
  cells.emplace_back(scratch);
}

}  // namespace etalase::exporting

#include "kiosk/export/lead_columns.h"

namespace etalase::exporting {

std::vector<std::string_view> leadColumnNames(bool merged) {
  std::vector<std::string_view> names;
  names.reserve(kMergedColumnCount);
  for (const auto& field : leads::kLeadTextFields) names.emplace_back(field.column);
  names.emplace_back("consent_given");
  names.emplace_back("product_ids");
  if (merged) {
    names.emplace_back("stand_name");
    names.emplace_back("same_person");
    names.emplace_back("seen_at_stands");
  }
  return names;
}

void appendMergedCells(const MergedFields* fields, std::vector<std::string_view>& cells,
                       std::string& scratch) {
  scratch.clear();
  if (!fields) {
    cells.insert(cells.end(), 3, std::string_view());
    return;
  }
  for (const std::string& stand : fields->seenAtStands) {
    if (!scratch.empty()) scratch += "; ";
    scratch += stand;
  }
  cells.emplace_back(fields->standName);
  cells.emplace_back(fields->samePerson);
  cells.emplace_back(scratch);
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

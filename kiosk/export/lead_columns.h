// The columns of a spreadsheet export (CSV and XLSX): every text field of a Lead under its
// column name in the `leads` table, then consent_given ("yes"/"no") and product_ids (joined by
// ";"). Taken from leads::kLeadTextFields, so a new field reaches the exports by itself.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/export/lead_writer.h"
#include "kiosk/leads/lead.h"

namespace etalase::exporting {

inline constexpr std::size_t kLeadColumnCount = std::size(leads::kLeadTextFields) + 2;
// A merged file's columns after the lead's: stand_name, same_person, seen_at_stands.
inline constexpr std::size_t kMergedColumnCount = kLeadColumnCount + 3;

// The header row (with the merged columns when `merged`).
std::vector<std::string_view> leadColumnNames(bool merged = false);

// The merged columns' cells appended to `cells`, viewing into `fields` and `scratch` (the stands
// joined by "; "). An empty set of cells when `fields` is null.
void appendMergedCells(const MergedFields* fields, std::vector<std::string_view>& cells,
                       std::string& scratch);

// A lead's cells in column order, viewing into `lead` and `scratch` (which holds the joined
// product ids): valid while both are. Reuses the vectors' storage from lead to lead.
void leadCells(const leads::Lead& lead, std::vector<std::string_view>& cells,
               std::string& scratch);

}  // namespace etalase::exporting

// The columns of a spreadsheet export (CSV and XLSX): every text field of a Lead under its
// column name in the `leads` table, then consent_given ("yes"/"no") and product_ids (joined by
// ";"). Taken from leads::kLeadTextFields, so a new field reaches the exports by itself.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/leads/lead.h"

namespace etalase::exporting {

inline constexpr std::size_t kLeadColumnCount = std::size(leads::kLeadTextFields) + 2;

// The header row.
std::vector<std::string_view> leadColumnNames();

// A lead's cells in column order, viewing into `lead` and `scratch` (which holds the joined
// product ids): valid while both are. Reuses the vectors' storage from lead to lead.
void leadCells(const leads::Lead& lead, std::vector<std::string_view>& cells,
               std::string& scratch);

}  // namespace etalase::exporting

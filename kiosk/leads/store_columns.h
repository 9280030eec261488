// The lead store's SQL for reading leads, shared by its files (lead_store.cpp for saving and
// exporting, lead_store_staff.cpp for staff mode). Internal to etalase_leads.
#pragma once

#include <iterator>
#include <string>
#include <string_view>

#include "kiosk/leads/lead.h"
#include "kiosk/leads/store_sqlite.h"

namespace etalase::leads {

inline constexpr int kTextFieldCount = static_cast<int>(std::size(kLeadTextFields));

// "uuid, device_id, ..., consent_given": the columns LeadStore::readLeads reads after the id.
std::string columnList();
// Leads with their products in one query (`leads` is a table or a subquery of it, in `order`):
// one row per product, or one with has_product 0, in the lead's order. One statement stepped
// is much cheaper than a second one reset, bound and stepped for every lead (100,000 exported).
std::string leadsWithProductsSql(std::string_view leads, std::string_view order);

}  // namespace etalase::leads

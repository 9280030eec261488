#include "kiosk/leads/store_pending.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "kiosk/leads/store_files.h"

namespace etalase::leads {

namespace fs = std::filesystem;
using nlohmann::json;

std::string leadToJsonLine(const Lead& lead) {
  json object = json::object();
  for (const auto& field : kLeadTextFields) object[field.column] = lead.*field.member;
  object["consent_given"] = lead.consentGiven;
  object["product_ids"] = lead.productIds;
  return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Lead> leadFromJsonLine(std::string_view line) {
  const json object = json::parse(line, nullptr, false);
  if (!object.is_object()) return Error{"", "not a JSON object"};
  Lead lead;
  try {
    for (const auto& field : kLeadTextFields) {
      if (auto it = object.find(field.column); it != object.end()) {
        lead.*field.member = it->get<std::string>();
      }
    }
    lead.consentGiven = object.value("consent_given", false);
    lead.productIds = object.value("product_ids", std::vector<std::string>{});
  } catch (const json::exception&) {
    return Error{"", "a field has the wrong type"};  // never the value: it may be personal data
  }
  // LeadStore::add() refuses these; one kept pending would be retried for ever.
  if (lead.uuid.empty() || lead.createdUtc.empty()) return Error{"", "no uuid or creation time"};
  return lead;
}

std::optional<Error> PendingLeads::load() {
  m_leads.clear();
  if (m_file.empty()) return std::nullopt;
  std::ifstream in(m_file, std::ios::binary);
  if (!in) return std::nullopt;  // nothing pending
  std::optional<Error> firstFault;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    auto lead = leadFromJsonLine(line);
    if (lead) {
      m_leads.push_back(std::move(lead.value()));
    } else if (!firstFault) {
      firstFault = Error{fmt::format("{}:{}", m_file.string(), number), lead.error().what};
    }
  }
  in.close();
  if (firstFault) {
    std::error_code ec;
    fs::rename(m_file, fs::path(m_file) += ".unreadable", ec);
    firstFault->what +=
        fmt::format("; the file is kept as {}.unreadable", m_file.filename().string());
    if (auto error = save()) return error;  // the readable leads, in a new file
  }
  return firstFault;
}

std::optional<Error> PendingLeads::keep(const Lead& lead) {
  auto same = std::find_if(m_leads.begin(), m_leads.end(),
                           [&](const Lead& pending) { return pending.uuid == lead.uuid; });
  if (same != m_leads.end()) {
    *same = lead;
  } else {
    m_leads.push_back(lead);
  }
  return save();
}

std::optional<Error> PendingLeads::forget(const std::vector<std::string>& uuids) {
  const auto removed = std::erase_if(m_leads, [&](const Lead& lead) {
    return std::find(uuids.begin(), uuids.end(), lead.uuid) != uuids.end();
  });
  return removed > 0 ? save() : std::nullopt;
}

std::optional<Error> PendingLeads::save() const {
  if (m_file.empty()) return std::nullopt;
  if (m_leads.empty()) return removeFileDurably(m_file);
  std::error_code ec;
  if (m_file.has_parent_path()) fs::create_directories(m_file.parent_path(), ec);  // else: below
  std::string content;
  for (const Lead& lead : m_leads) content += leadToJsonLine(lead) + '\n';
  return replaceFileAtomically(m_file, content);
}

}  // namespace etalase::leads

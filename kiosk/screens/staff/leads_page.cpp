// The lead list (newest first, search and filters) and one lead's detail (rating, notes, the
// follow-up flag, deleting it), and wiping every lead, each behind a confirmation.
#include <imgui.h>

#include <fmt/format.h>

#include "kiosk/screens/staff/staff_pages.h"
#include "kiosk/screens/staff/staff_time.h"
#include "kiosk/screens/widgets.h"

namespace etalase::kiosk {

namespace {

constexpr const char* kRatingFilters[] = {"Any rating", "Hot", "Warm", "Cold", "Not rated"};
constexpr const char* kDayFilters[] = {"Every day", "Today", "Yesterday"};
const ImVec4 kHot(0.80f, 0.25f, 0.18f, 1.0f);
const ImVec4 kWarm(0.80f, 0.55f, 0.15f, 1.0f);
const ImVec4 kCold(0.25f, 0.45f, 0.70f, 1.0f);

ImVec4 ratingColour(const std::string& rating) {
  if (rating == leads::kRatingHot) return kHot;
  if (rating == leads::kRatingWarm) return kWarm;
  if (rating == leads::kRatingCold) return kCold;
  return kTile;
}

// A row of choices as touch buttons, the chosen one lit; true when the choice changed.
bool choiceRow(const ScreenContext& context, const char* id, const char* const* labels, int count, int& chosen) {
  bool changed = false;
  for (int i = 0; i < count; ++i) {
    if (i > 0) flowNextItem(buttonWidth(context, labels[i]));
    ImGui::PushID(i);
    if (touchButton(context, labels[i], chosen == i ? kAccent : kTile)) {
      changed = chosen != i;
      chosen = i;
    }
    rememberLastItem(fmt::format("{}.{}", id, i));
    ImGui::PopID();
  }
  return changed;
}

void field(const char* label, const std::string& value) {
  if (value.empty()) return;
  ImGui::TextColored(ImVec4(0.9f, 0.75f, 0.55f, 1.0f), "%s", label);
  ImGui::SameLine(ImGui::GetFontSize() * 9.0f);
  ImGui::TextWrapped("%s", value.c_str());
}

}  // namespace

leads::LeadListQuery LeadsPage::query() const {
  leads::LeadListQuery query;
  query.search = m_search;
  if (m_day > 0) {
    const UtcRange day = localDayInUtc(m_day - 1);
    query.fromUtc = day.from;
    query.beforeUtc = day.before;
  }
  query.productId = m_product;
  static const char* kRatings[] = {"", leads::kRatingHot, leads::kRatingWarm, leads::kRatingCold, ""};
  if (m_rating > 0) query.rating = kRatings[m_rating];
  query.followUpOnly = m_followUpOnly;
  query.limit = m_limit;
  return query;
}

void LeadsPage::refresh(StaffContext& staff) {
  m_rows.clear();
  m_matching = m_all = 0;
  if (!staff.store) return;
  auto rows = staff.store->list(query());
  auto matching = staff.store->countMatching(query());
  auto all = staff.store->count();
  if (!rows || !matching || !all) {
    m_status = "Cannot read the leads: " + (!rows ? rows.error() : !matching ? matching.error() : all.error()).text();
    return;
  }
  m_rows = std::move(rows.value());
  m_matching = matching.value();
  m_all = all.value();
  if (m_detail) {
    auto found = staff.store->find(m_detail->uuid);
    if (found && found.value()) m_detail = *found.value();
  }
}

std::string LeadsPage::shownText() const {
  std::string text = m_search + m_draftNotes;
  const auto add = [&](const leads::Lead& lead) {
    for (const auto& field : leads::kLeadTextFields) {
      if (std::string_view(field.column) != "raw_card") text += lead.*field.member;
    }
  };
  for (const leads::Lead& lead : m_rows) add(lead);
  if (m_detail) add(*m_detail);
  return text;
}

void LeadsPage::clear() {
  m_rows.clear();
  m_detail.reset();
  m_search.clear();
  m_draftNotes.clear();
  m_draftRating.clear();
  m_confirm = Confirm::None;
  m_status.clear();
  m_limit = 30;
}

void LeadsPage::openDetail(const leads::Lead& lead) {
  m_detail = lead;
  m_draftRating = lead.rating;
  m_draftNotes = lead.staffNotes;
  m_draftFollowUp = lead.followUp == "yes";
  m_status.clear();
}

void LeadsPage::draw(const ScreenContext& context, StaffContext& staff) {
  if (m_confirm != Confirm::None) return drawConfirm(context, staff);
  if (m_detail) return drawDetail(context, staff);
  drawFilters(context, staff);
  drawList(context, staff);
}

void LeadsPage::drawFilters(const ScreenContext& context, StaffContext& staff) {
  bool changed = staff.text->field(context, "staff.search", m_search, "Search name, company, email, phone, notes",
                                   context.unit * 20.0f, 100);
  flowNextItem(buttonWidth(context, "Follow-up only: off"));
  if (touchButton(context, m_followUpOnly ? "Follow-up only: on" : "Follow-up only: off",
                  m_followUpOnly ? kAccent : kTile)) {
    m_followUpOnly = !m_followUpOnly;
    changed = true;
  }
  rememberLastItem("staff.filter.followup");
  flowNextItem(buttonWidth(context, "Erase all leads..."));
  if (touchButton(context, "Erase all leads...", kTile)) m_confirm = Confirm::EraseAll;
  rememberLastItem("staff.eraseall");
  changed |= choiceRow(context, "staff.filter.day", kDayFilters, 3, m_day);
  flowNextItem(buttonWidth(context, kRatingFilters[0]) + context.unit * 2);
  changed |= choiceRow(context, "staff.filter.rating", kRatingFilters, 5, m_rating);
  if (staff.catalog && !staff.catalog->products.empty()) {
    ImGui::SetNextItemWidth(context.unit * 20.0f);
    const std::string current = m_product.empty() ? "Every product" : productName(staff.catalog, m_product);
    if (ImGui::BeginCombo("##product", current.c_str(), ImGuiComboFlags_HeightLarge)) {
      if (ImGui::Selectable("Every product", m_product.empty(), 0, ImVec2(0, context.touchTarget))) {
        m_product.clear();
        changed = true;
      }
      for (const Product& product : staff.catalog->products) {
        const std::string name = productName(staff.catalog, product.id);
        if (ImGui::Selectable(name.c_str(), m_product == product.id, 0, ImVec2(0, context.touchTarget))) {
          m_product = product.id;
          changed = true;
        }
      }
      ImGui::EndCombo();
    }
    rememberLastItem("staff.filter.product");
  }
  if (changed) {
    m_limit = 30;
    refresh(staff);
  }
}

void LeadsPage::drawList(const ScreenContext& context, StaffContext& staff) {
  ImGui::Text("%lld of %lld leads", static_cast<long long>(m_matching), static_cast<long long>(m_all));
  if (!m_status.empty()) ImGui::TextWrapped("%s", m_status.c_str());
  const float height = std::max(context.unit * 4, staff.contentHeight - ImGui::GetCursorScreenPos().y - context.unit);
  ImGui::BeginChild("lead-list", ImVec2(0, height));
  const float rowHeight = std::max(context.touchTarget, context.unit * 2.4f);
  for (std::size_t i = 0; i < m_rows.size(); ++i) {
    const leads::Lead& lead = m_rows[i];
    ImGui::PushID(static_cast<int>(i));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    if (ImGui::InvisibleButton("row", ImVec2(width, rowHeight))) openDetail(lead);
    rememberLastItem(fmt::format("staff.lead.{}", i));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(start, ImVec2(start.x + width, start.y + rowHeight - 4),
                        ImGui::GetColorU32(ImGui::IsItemHovered() ? ImVec4(0.28f, 0.22f, 0.19f, 1) : kTile), 6.0f);
    // The rating as a coloured strip at the left, the follow-up flag as a mark at the right.
    draw->AddRectFilled(start, ImVec2(start.x + context.unit * 0.4f, start.y + rowHeight - 4),
                        ImGui::GetColorU32(ratingColour(lead.rating)), 6.0f);
    const std::string who = lead.name.empty() ? std::string("(no name)") : lead.name;
    const std::string line = fmt::format("{}   {}   {}{}{}", localTimeText(lead.createdUtc), who,
                                         lead.company, lead.company.empty() ? "" : "   ", lead.countryCode);
    draw->AddText(ImVec2(start.x + context.unit, start.y + (rowHeight - 4 - context.unit) / 2), kTextColour, line.c_str());
    std::string right = lead.rating.empty() ? std::string() : lead.rating;
    if (lead.followUp == "yes") right += right.empty() ? "follow up" : " · follow up";
    if (!right.empty()) {
      const ImVec2 size = ImGui::CalcTextSize(right.c_str());
      draw->AddText(ImVec2(start.x + width - size.x - context.unit, start.y + (rowHeight - 4 - context.unit) / 2),
                    kSubtleTextColour, right.c_str());
    }
    ImGui::PopID();
  }
  if (static_cast<std::int64_t>(m_rows.size()) < m_matching) {
    if (touchButton(context, "Show more", kTile)) {
      m_limit += 30;
      refresh(staff);
    }
    rememberLastItem("staff.more");
  }
  if (m_rows.empty() && m_matching == 0) {
    ImGui::TextWrapped(m_all == 0 ? "No leads yet." : "No lead matches: change the search or the filters.");
  }
  dragToScroll();
  ImGui::EndChild();
}

void LeadsPage::drawDetail(const ScreenContext& context, StaffContext& staff) {
  const leads::Lead& lead = *m_detail;
  if (touchButton(context, "< All leads", kTile)) {
    m_detail.reset();
    staff.text->blur();
    refresh(staff);
    return;
  }
  rememberLastItem("staff.detail.back");
  ImGui::SameLine();
  ImGui::PushFont(context.fonts->title);
  ImGui::TextUnformatted(lead.name.empty() ? "(no name)" : lead.name.c_str());
  ImGui::PopFont();
  const float height = std::max(context.unit * 4, staff.contentHeight - ImGui::GetCursorScreenPos().y - context.unit);
  ImGui::BeginChild("lead-detail", ImVec2(0, height));
  // What staff set: rating, follow-up and notes, first.
  static const char* kRatings[] = {leads::kRatingHot, leads::kRatingWarm, leads::kRatingCold};
  static const char* kLabels[] = {"Hot", "Warm", "Cold"};
  for (int i = 0; i < 3; ++i) {
    if (i > 0) flowNextItem(context.unit * 5);
    const bool chosen = m_draftRating == kRatings[i];
    if (touchButton(context, kLabels[i], chosen ? ratingColour(kRatings[i]) : kTile, context.unit * 5)) {
      m_draftRating = chosen ? "" : kRatings[i];
    }
    rememberLastItem(fmt::format("staff.rating.{}", kRatings[i]));
  }
  flowNextItem(buttonWidth(context, "Follow up: yes"));
  if (touchButton(context, m_draftFollowUp ? "Follow up: yes" : "Follow up: no", m_draftFollowUp ? kAccent : kTile)) {
    m_draftFollowUp = !m_draftFollowUp;
  }
  rememberLastItem("staff.followup");
  staff.text->field(context, "staff.notes", m_draftNotes, "Notes (tap to write)", ImGui::GetContentRegionAvail().x,
                    1000);
  const bool dirty = m_draftRating != lead.rating || m_draftNotes != lead.staffNotes ||
                     m_draftFollowUp != (lead.followUp == "yes");
  ImGui::BeginDisabled(!dirty);
  if (touchButton(context, "Save", kAccent, context.unit * 6)) {
    if (auto error = staff.store->annotate(lead.uuid, m_draftRating, m_draftNotes, m_draftFollowUp)) {
      m_status = "Not saved: " + error->text();
    } else {
      m_detail->rating = m_draftRating;
      m_detail->staffNotes = m_draftNotes;
      m_detail->followUp = m_draftFollowUp ? "yes" : "";
      m_status = "Saved.";
      staff.text->blur();
    }
  }
  rememberLastItem("staff.save");
  ImGui::EndDisabled();
  flowNextItem(buttonWidth(context, "Delete this lead..."));
  if (touchButton(context, "Delete this lead...", kTile)) m_confirm = Confirm::DeleteOne;
  rememberLastItem("staff.delete");
  if (!m_status.empty()) {
    ImGui::SameLine();
    ImGui::TextUnformatted(m_status.c_str());
  }
  ImGui::Separator();
  field("Received", localTimeText(lead.createdUtc));
  field("Company", lead.company);
  field("Country", lead.countryCode);
  field("Email", lead.email);
  field("Phone", lead.phone);
  field("Buyer type", lead.buyerType);
  std::string products;
  for (const std::string& id : lead.productIds) products += (products.empty() ? "" : ", ") + productName(staff.catalog, id);
  field("Interested in", products);
  field("Order volume", lead.orderVolume);
  field("Language", lead.preferredLanguage);
  field("Message", lead.message);
  field("Consent", lead.consentGiven ? "given (version " + lead.consentVersion + ", " + lead.consentLanguage + ")" : "not given");
  field("Source", lead.source);
  field("Kiosk", lead.deviceId);
  dragToScroll();
  ImGui::EndChild();
}

void LeadsPage::drawConfirm(const ScreenContext& context, StaffContext& staff) {
  ImGui::Spacing();
  ImGui::PushFont(context.fonts->title);
  ImGui::TextWrapped(m_confirm == Confirm::DeleteOne ? "Delete this lead for good?" : "Erase every lead on this kiosk?");
  ImGui::PopFont();
  ImGui::TextWrapped(m_confirm == Confirm::DeleteOne
                         ? "The person's details are removed from this kiosk and from every later export (their "
                           "right to erasure). The export log notes only that a lead was erased."
                         : "All %lld leads are removed from this kiosk and cannot be brought back. Export them first "
                           "if they are still needed. The visit counters stay.",
                     static_cast<long long>(m_all));
  ImGui::Spacing();
  const char* yes = m_confirm == Confirm::DeleteOne ? "Delete" : "Erase all leads";
  if (touchButton(context, yes, ImVec4(0.75f, 0.22f, 0.16f, 1.0f), context.unit * 8)) {
    if (m_confirm == Confirm::DeleteOne && m_detail) {
      auto error = staff.store->erase(m_detail->uuid);
      m_status = error ? "Not deleted: " + error->text() : "The lead was deleted.";
      if (!error) m_detail.reset();
    } else if (m_confirm == Confirm::EraseAll && staff.store) {
      auto erased = staff.store->eraseAll();
      m_status = erased ? fmt::format("{} leads were erased.", erased.value()) : "Not erased: " + erased.error().text();
    }
    m_confirm = Confirm::None;
    refresh(staff);
  }
  rememberLastItem("staff.confirm");
  ImGui::SameLine();
  if (touchButton(context, "Keep", kTile, context.unit * 8)) m_confirm = Confirm::None;
  rememberLastItem("staff.keep");
}

}  // namespace etalase::kiosk

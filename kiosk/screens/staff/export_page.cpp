// Export to a USB stick (or the kiosk's own folder): the format, all leads or only those not yet
// exported, a progress bar with Cancel, the outcome with the number of leads written and checked,
// and the export log (exports, erasures, retention).
#include <imgui.h>

#include <fmt/format.h>

#include "kiosk/export/export_format.h"
#include "kiosk/screens/staff/staff_pages.h"
#include "kiosk/screens/staff/staff_time.h"
#include "kiosk/screens/widgets.h"

namespace etalase::kiosk {

namespace {

struct FormatChoice {
  exporting::ExportFormat format;
  const char* label;
};
constexpr FormatChoice kFormats[] = {
    {exporting::ExportFormat::Xlsx, "Excel (.xlsx)"},
    {exporting::ExportFormat::Csv, "CSV"},
    {exporting::ExportFormat::VCard, "Contacts (.vcf)"},
    {exporting::ExportFormat::JsonLines, "For the organiser (.jsonl)"},
};

std::filesystem::path ownFolder(const StaffContext& staff) { return staff.dataFolder / "exports"; }

std::string sizeText(std::uint64_t bytes) {
  if (bytes < 10 * 1024) return fmt::format("{} bytes", bytes);
  if (bytes < 10 * 1024 * 1024) return fmt::format("{} KB", bytes / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace

void ExportPage::refresh(StaffContext& staff) {
  m_error.clear();
  if (!staff.store) return;
  auto notExported = staff.store->countNotExported();
  auto all = staff.store->count();
  auto log = staff.store->exportLog(50);
  if (!notExported || !all || !log) {
    m_error = "Cannot read the leads: " + (!notExported ? notExported.error() : !all ? all.error() : log.error()).text();
    return;
  }
  m_notExported = notExported.value();
  m_all = all.value();
  m_log = std::move(log.value());
}

void ExportPage::start(StaffContext& staff) {
  ExportRequest request;
  request.database = staff.dataFolder / "leads.db";
  const std::size_t sticks = staff.volumes ? staff.volumes->size() : 0;
  if (m_destination < sticks) {
    request.folder = (*staff.volumes)[m_destination].mountPoint;
    request.stick = staff.stickAccess;
  } else {
    request.folder = ownFolder(staff);
    std::error_code error;
    std::filesystem::create_directories(request.folder, error);
  }
  request.format = m_format;
  request.onlyNotYetExported = m_onlyNew;
  request.deviceId = staff.deviceId;
  request.writer.standName = staff.standName;
  request.writer.csvByteOrderMark = m_byteOrderMark;
  if (staff.catalog) {
    for (const Product& product : staff.catalog->products) request.writer.producerOfProduct[product.id] = product.producerId;
    for (const Producer& producer : staff.catalog->producers) {
      request.writer.producerNames[producer.id] = localized(producer.name, staff.catalog->defaultLanguage,
                                                            staff.catalog->defaultLanguage);
    }
  }
  m_runner.start(std::move(request));
  m_wasRunning = true;
}

void ExportPage::draw(const ScreenContext& context, StaffContext& staff) {
  const ExportProgressView progress = m_runner.progress();
  if (m_wasRunning && !progress.running) {
    m_wasRunning = false;
    refresh(staff);  // the counts and the log changed
  }
  if (!m_error.empty()) ImGui::TextWrapped("%s", m_error.c_str());
  const float height = std::max(context.unit * 4, staff.contentHeight - ImGui::GetCursorScreenPos().y - context.unit);
  ImGui::BeginChild("export", ImVec2(0, height));
  ImGui::BeginDisabled(progress.running);
  ImGui::TextUnformatted("Where to");
  const std::size_t sticks = staff.volumes ? staff.volumes->size() : 0;
  if (m_destination > sticks) m_destination = sticks;
  for (std::size_t i = 0; i <= sticks; ++i) {
    const std::string label = i < sticks ? "USB stick \"" + (*staff.volumes)[i].label + "\""
                                         : std::string("This kiosk's export folder");
    if (i > 0) flowNextItem(buttonWidth(context, label.c_str()));
    if (touchButton(context, label.c_str(), m_destination == i ? kAccent : kTile)) m_destination = i;
    rememberLastItem(i < sticks ? fmt::format("staff.export.stick.{}", i) : std::string("staff.export.folder"));
  }
  if (sticks == 0) ImGui::TextColored(ImVec4(0.9f, 0.75f, 0.55f, 1.0f), "Insert a USB stick to export onto it.");
  ImGui::Spacing();
  ImGui::TextUnformatted("Format");
  for (std::size_t i = 0; i < std::size(kFormats); ++i) {
    if (i > 0) flowNextItem(buttonWidth(context, kFormats[i].label));
    if (touchButton(context, kFormats[i].label, m_format == kFormats[i].format ? kAccent : kTile)) m_format = kFormats[i].format;
    rememberLastItem(fmt::format("staff.export.format.{}", exporting::fileExtension(kFormats[i].format)));
  }
  if (m_format == exporting::ExportFormat::Csv) {
    if (touchButton(context, m_byteOrderMark ? "For Excel (UTF-8 mark): on" : "For Excel (UTF-8 mark): off",
                    m_byteOrderMark ? kAccent : kTile)) {
      m_byteOrderMark = !m_byteOrderMark;
    }
  }
  ImGui::Spacing();
  const std::string onlyNew = fmt::format("Only leads not exported yet ({})", m_notExported);
  const std::string every = fmt::format("Every lead ({})", m_all);
  if (touchButton(context, onlyNew.c_str(), m_onlyNew ? kAccent : kTile)) m_onlyNew = true;
  rememberLastItem("staff.export.new");
  flowNextItem(buttonWidth(context, every.c_str()));
  if (touchButton(context, every.c_str(), m_onlyNew ? kTile : kAccent)) m_onlyNew = false;
  rememberLastItem("staff.export.all");
  ImGui::Spacing();
  ImGui::BeginDisabled(!staff.store);
  if (touchButton(context, "Export", kAccent, context.unit * 8)) start(staff);
  rememberLastItem("staff.export.start");
  ImGui::EndDisabled();
  ImGui::EndDisabled();

  if (progress.running) {
    const float fraction = progress.total > 0 ? static_cast<float>(progress.done) / static_cast<float>(progress.total) : 0.0f;
    const std::string overlay = fmt::format("{} of {} leads", progress.done, progress.total);
    ImGui::ProgressBar(fraction, ImVec2(-1, context.unit * 1.4f), overlay.c_str());
    ImGui::SameLine();
    if (touchButton(context, "Cancel", kTile)) m_runner.cancel();
    rememberLastItem("staff.export.cancel");
  } else if (progress.file) {
    ImGui::TextColored(ImVec4(0.6f, 0.9f, 0.6f, 1.0f), "Done: %lld leads written and checked, %s",
                       static_cast<long long>(progress.leadsWritten), sizeText(progress.bytes).c_str());
    ImGui::TextWrapped("%s", progress.file->c_str());
    rememberLastItem("staff.export.done");
    if (progress.stickReadOnlyAgain) ImGui::TextUnformatted("The stick is read-only again: you can pull it out now.");
    if (progress.notice) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.9f, 0.75f, 0.55f, 1.0f));
      ImGui::TextWrapped("Note: %s", progress.notice->c_str());
      ImGui::PopStyleColor();
    }
  } else if (progress.cancelled) {
    ImGui::TextUnformatted("Cancelled: no file was left behind.");
  } else if (progress.failure) {
    ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.5f, 1.0f), "The export failed, no file was left behind:");
    ImGui::TextWrapped("%s", progress.failure->c_str());
    rememberLastItem("staff.export.failed");
  }

  ImGui::Separator();
  ImGui::TextUnformatted("Export log");
  if (m_log.empty()) ImGui::TextColored(ImVec4(0.8f, 0.7f, 0.6f, 1.0f), "Nothing exported or erased yet.");
  for (const leads::ExportLogEntry& entry : m_log) {
    std::string line;
    if (entry.kind == "export") {
      line = fmt::format("{}   export {} leads, {}   {}   {}", localTimeText(entry.atUtc), entry.leads, entry.format,
                         entry.file, entry.outcome);
    } else if (entry.kind == "retention") {
      line = fmt::format("{}   {} leads past the retention period deleted", localTimeText(entry.atUtc), entry.leads);
    } else {
      line = entry.kind == "erase-all"
                 ? fmt::format("{}   all leads erased by staff ({})", localTimeText(entry.atUtc), entry.leads)
                 : fmt::format("{}   one lead erased at the person's request", localTimeText(entry.atUtc));
    }
    ImGui::TextWrapped("%s", line.c_str());
  }
  dragToScroll();
  ImGui::EndChild();
}

}  // namespace etalase::kiosk

// Kiosk application loop.
#include "app.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "kiosk/content.h"
#include "kiosk/device.h"
#include "kiosk/locale/countries.h"
#include "kiosk/packs/pack_store.h"
#include "kiosk/screens/attract_screen.h"
#include "kiosk/screens/contact/form_text.h"
#include "kiosk/screens/staff/pin_pad.h"
#include "kiosk/screens/ui_text.h"
#include "kiosk/screens/widgets.h"
#include "media/log.h"
#include "platform/paths.h"
#include "platform/pointer_input.h"

namespace etalase::kiosk {

namespace fs = std::filesystem;

namespace {
// With nothing due, the loop still wakes this often (cheap, and keeps notices expiring).
constexpr auto kIdleWake = std::chrono::seconds(1);
// How long "Are you still there?" counts down before the form is cleared.
constexpr auto kStillThereWarning = std::chrono::seconds(10);
constexpr auto kUiSettleFrame = std::chrono::milliseconds(16);
constexpr auto kVolumeRecheck = std::chrono::seconds(10);
}  // namespace

Result<std::unique_ptr<App>> App::create(const KioskOptions& options) {
  auto display = platform::Display::open(options.display);
  if (!display) return display.error();
  return std::make_unique<App>(Key{}, options, std::move(display.value()));
}

App::App(Key, const KioskOptions& options, platform::Display display)
    : m_options(options),
      m_display(std::move(display)),
      m_output(m_display, m_options),
      m_navigation(std::chrono::milliseconds(static_cast<long>(options.idleTimeoutSeconds * 1000))),
      m_attract(m_output, m_display, options.crossfadeSeconds),
      m_productPage(m_output),
      m_producerPage(m_output) {
  if (auto problem = PackStore(platform::dataDirectory()).recover()) log::warn("{}", problem->text());
  InstallerOptions installerOptions;
  installerOptions.validate = validateForInstall;
  m_installer = std::make_unique<PackInstaller>(platform::dataDirectory(), std::move(installerOptions));
  m_usbFlow = std::make_unique<UsbInstallFlow>(*m_installer);
  const LoadedSettings settings = loadSettings(platform::dataDirectory() / "settings.json");
  for (const std::string& problem : settings.problems) log::warn("settings: {}", problem);
  m_settings = settings.settings;
  m_display.setRotation(screenRotation());  // before the UI is built for the picture's shape
  leads::SaverOptions leadOptions;
  leadOptions.database = platform::dataDirectory() / "leads.db";
  leadOptions.pendingFile = platform::dataDirectory() / "pending-leads.jsonl";
  leadOptions.store.lowDiskBytes = settings.settings.lowDiskWarningBytes;
  m_leads = std::make_unique<leads::LeadSaver>(leadOptions);
  m_camera = badgeCamera(options.camera);
  m_form = std::make_unique<ContactForm>(m_leads.get(), formSettingsFor(settings.settings, !m_camera.empty()));
  m_staff = std::make_unique<StaffMode>(platform::dataDirectory(), options.staffPin, m_settings);
  if (auto problem = countryDataProblem()) log::warn("{}", *problem);
  showContent();
  applySettings(m_settings);
}

App::~App() {
  // The sound must stop pulling from the playlists before they go.
  m_productPage.close();
  m_attract.stop();
}

void App::showContent() {
  const auto now = Clock::now();
  Content content = loadContent(m_options);
  if (m_options.play.empty()) m_packShown = content.pack;
  for (const Error& warning : content.warnings) addNotice(warning.text(), now);
  if (!content.problem.empty()) addNotice(content.problem, now);
  m_catalog = std::move(content.catalog);
  if (m_catalog) {
    m_packLanguages = m_catalog->languages;
    m_packDefaultLanguage = m_catalog->defaultLanguage;
    m_posters.load(*m_catalog, m_output);
  }
  m_language = m_options.language;
  if (m_language.empty()) m_language = m_catalog ? m_catalog->defaultLanguage : "en";

  // The UI needs the pack's texts first: it loads glyphs for exactly what it will show.
  std::vector<std::string> texts = allUiTexts(m_catalog ? m_catalog->languages : std::vector<std::string>{m_language});
  const auto formTexts = allFormTexts(m_catalog ? m_catalog->languages : std::vector<std::string>{m_language});
  texts.insert(texts.end(), formTexts.begin(), formTexts.end());
  texts.push_back(staffUiGlyphs());
  if (m_catalog) {
    auto packTexts = m_catalog->allTexts();
    texts.insert(texts.end(), packTexts.begin(), packTexts.end());
    auto countries = allCountryNames(m_catalog->languages);
    texts.insert(texts.end(), countries.begin(), countries.end());
  }
  m_uiTexts = std::move(texts);
  rebuildUi();

  m_attract.start(std::move(content.attractVideos));
  applyLanguageSettings();
}

void App::reloadContent(const fs::path& pack) {
  log::info("switching to the content pack in {}", pack.string());
  // Everything that points into the old pack or the old font atlas goes, in dependency order.
  m_productPage.reset();
  m_producerPage.close();
  m_attract.stop();
  m_posters.clear();
  m_ui.reset();
  m_catalog.reset();
  m_grid = GridState{};
  m_options.pack = pack;
  m_options.play.clear();
  showContent();
  // Staff who installed a pack or went back to the previous one stay in staff mode, and see the
  // outcome there; staff mode's screen takes the new catalog at its next frame.
  m_navigation.show(m_staff->open() ? ScreenId::Staff : ScreenId::Attract, Clock::now());
  m_needsRender = true;
}

void App::pollUsb(Clock::time_point now) {
  // The mount table is read when udev or the kernel says something changed, and every 10 s in
  // case a notice was missed; every second where no notice can come (no udev, simulated sticks).
  const bool noticed = m_mediaEvents.changed();
  if (noticed || now >= m_nextVolumePoll) {
    const bool eventDriven = m_mediaEvents.available() && !m_volumes.hasSimulatedRoots();
    m_nextVolumePoll = now + (eventDriven ? kVolumeRecheck : kIdleWake);
    const auto changes = m_volumes.poll();
    if (!changes.empty()) {
      m_usbFlow->volumesChanged(changes);
      m_navigation.noteInput(now);  // staff are at the kiosk
      m_needsRender = true;
    }
  }
  if (auto installed = m_usbFlow->update()) reloadContent(*installed);
  if (m_usbFlow->stage() != UsbInstallFlow::Stage::None) m_needsRender = true;
}

void App::applyInstallAction(const InstallPromptAction& action, Clock::time_point now) {
  if (action.install) m_usbFlow->install();
  if (action.cancel) m_usbFlow->cancel();
  if (action.rollback) {
    m_usbFlow->dismiss();
    rollbackPack(now);
    return;
  }
  if (action.dismiss) m_usbFlow->dismiss();
}

void App::rollbackPack(Clock::time_point now) {
  if (auto problem = m_usbFlow->rollback()) {
    addNotice(problem->text(), now);
  } else if (auto previous = PackStore(platform::dataDirectory()).currentPack()) {
    m_reloadPending = *previous;  // after this frame: the frame still uses the old pack's fonts
  }
}

void App::addNotice(const std::string& text, Clock::time_point now) {
  m_notices.add(text, now);
  m_needsRender = true;
}

void App::collectPlaylistErrors(Clock::time_point now) {
  auto report = [&](const std::vector<Error>& errors) {
    for (const Error& error : errors) {
      ++m_failedFiles;
      addNotice("Cannot play " + error.text(), now);
    }
  };
  if (media::Playlist* playlist = m_attract.playlist()) report(playlist->takeErrors());
  report(m_productPage.takeErrors());
}

void App::enterScreen(ScreenId screen, Clock::time_point now) {
  if (screen != ScreenId::Product) m_productPage.close();
  if (screen != ScreenId::Producer) m_producerPage.close();
  if (screen != ScreenId::Contact) m_form->clear();  // cancel, done, or the idle timeout: nothing stays
  if (screen != ScreenId::BadgeScan) m_badgeScan.close();  // the camera is on only while its screen is up
  m_navigation.show(screen, now);
  m_newScreenGuard.screenShown(Clock::now());  // from when it is about to be drawn, not when asked
  m_attract.setPaused(screen != ScreenId::Attract, now);
  if (screen == ScreenId::Attract) {
    // The next visitor starts afresh.
    m_grid = GridState{};
    m_viewedProducts.clear();
    m_scanDetector.reset();
    m_language = m_options.language.empty() && m_catalog ? m_catalog->defaultLanguage : m_language;
  }
  log::info("screen: {}", screenName(screen));
  m_needsRender = true;
}

void App::openProduct(std::size_t index, Clock::time_point now) {
  m_productPage.open(*m_catalog, index, m_posters.of(index));
  const Product& product = m_catalog->products[index];
  if (std::find(m_viewedProducts.begin(), m_viewedProducts.end(), product.id) == m_viewedProducts.end()) {
    m_viewedProducts.push_back(product.id);
  }
  m_leads->countEvent(leads::EventKind::ProductView, product.id);
  if (!product.videos.empty()) m_leads->countEvent(leads::EventKind::VideoPlay, product.id);
  enterScreen(ScreenId::Product, now);
}

void App::openProducer(const std::string& producerId, Clock::time_point now) {
  if (!m_producerPage.open(*m_catalog, producerId, m_navigation.screen())) return;
  enterScreen(ScreenId::Producer, now);
}

void App::openContactForm(const std::string& producerId, Clock::time_point now) {
  if (!m_catalog) return;
  const ScreenId from = m_navigation.screen();
  // Back from the badge camera, the form leads back where it led before.
  if (from != ScreenId::BadgeScan) m_formBackTo = from == ScreenId::Attract || from == ScreenId::Contact ? ScreenId::Grid : from;
  m_formProducer = producerId;
  m_form->open(*m_catalog, m_language, producerId, m_viewedProducts);
  enterScreen(ScreenId::Contact, now);
}

std::string App::currentProducerId() const {
  if (!m_catalog) return {};
  if (m_navigation.screen() == ScreenId::Product) return m_catalog->products[m_productPage.product()].producerId;
  if (m_navigation.screen() == ScreenId::Producer) return m_producerPage.producerId();
  if (m_navigation.screen() == ScreenId::BadgeScan) return m_formProducer;
  return {};
}

void App::openBadgeScan(Clock::time_point now) {
  m_badgeScan.open(m_camera);
  enterScreen(ScreenId::BadgeScan, now);
}

void App::updateIdleWarning(Clock::time_point now) {
  if (m_navigation.screen() != ScreenId::Contact) return;
  if (m_form->takeContinue()) m_navigation.noteInput(now);
  // Before the idle timeout clears the form, the visitor gets 10 s to say they are still there.
  const auto deadline = m_navigation.idleDeadline();
  const bool warningDue = now + kStillThereWarning >= deadline;
  if (warningDue && !m_form->idleWarningShown()) {
    m_form->warnIdle(deadline);
    m_needsRender = true;
  } else if (!warningDue && m_form->idleWarningShown()) {
    m_form->dismissIdleWarning();  // a touch anywhere: still there
    m_needsRender = true;
  }
}

void App::handleHeader(const HeaderAction& action, Clock::time_point now) {
  if (action.language) {
    m_language = *action.language;
    m_needsRender = true;
  }
  if (!action.back) return;
  if (m_navigation.screen() == ScreenId::Producer && m_producerPage.backTo() == ScreenId::Product) {
    afterFrame([this, now] { openProduct(m_productPage.product(), now); });
  } else {
    afterFrame([this, now] { enterScreen(ScreenId::Grid, now); });
  }
}

void App::afterFrame(std::function<void()> action) { m_afterFrame = std::move(action); }

App::Clock::time_point App::nextWake(Clock::time_point now) const {
  Clock::time_point wake = now + kIdleWake;
  if (m_navigation.screen() == ScreenId::Attract) wake = std::min(wake, m_attract.nextDue());
  if (m_navigation.screen() == ScreenId::Product) wake = std::min(wake, m_productPage.nextDue());
  if (m_navigation.screen() == ScreenId::BadgeScan) wake = std::min(wake, m_badgeScan.nextDue(now));
  wake = std::min(wake, m_navigation.idleDeadline());
  if (m_navigation.screen() == ScreenId::Contact) {
    wake = std::min(wake, m_navigation.idleDeadline() - kStillThereWarning);
    if (const auto formWake = m_form->nextWake(now)) wake = std::min(wake, *formWake);
  }
  if (m_scanDetector.scanning()) wake = std::min(wake, now + std::chrono::milliseconds(50));
  if (m_ui->wantsAnotherFrame() || m_needsRender) wake = std::min(wake, now + kUiSettleFrame);
  wake = std::min(wake, m_notices.nextExpiry());
  if (m_usbFlow->stage() == UsbInstallFlow::Stage::Installing) wake = std::min(wake, now + std::chrono::milliseconds(100));
  if (const auto staffWake = m_staff->nextWake(now)) wake = std::min(wake, *staffWake);
  if (const auto keepAlive = m_watchdog.nextFrameDue()) wake = std::min(wake, *keepAlive);
  return wake;
}

void App::step(std::chrono::milliseconds maxWait) {
  auto now = Clock::now();
  const auto wait = std::clamp(
      std::chrono::ceil<std::chrono::milliseconds>(nextWake(now) - now), std::chrono::milliseconds(0), maxWait);
  SDL_Event event;
  if (SDL_WaitEventTimeout(&event, static_cast<int>(wait.count())) != 0) {
    now = Clock::now();
    handleEvent(event, now);
    while (SDL_PollEvent(&event) != 0) handleEvent(event, now);
  }
  now = Clock::now();
  // A scan that stopped part-way ends after a silence.
  applyScanStep(m_scanDetector.poll(scanClock(now)), std::nullopt, now);
  updateIdleWarning(now);
  // Low disk or an unwritable database, for staff (it holds no personal data): said once each time.
  if (auto warning = m_leads->warning(); warning != m_leadsWarning) {
    if (warning) log::warn("leads: {}", *warning);
    m_leadsWarning = std::move(warning);
  }
  if (m_navigation.screen() == ScreenId::Contact && m_form->animating()) m_needsRender = true;
  if (m_navigation.screen() == ScreenId::Staff && m_staff->animating()) m_needsRender = true;
  if (m_navigation.update(now)) enterScreen(ScreenId::Attract, now);
  if (m_staff->holdCompleted(now)) {
    // The finger stays down: release it off-screen so that nothing under it is pressed.
    m_ui->pointer(platform::releasedOffScreen(true));
    m_needsRender = true;
  }
  applyStaffEvent(m_staff->update(now), now);

  if (m_navigation.screen() == ScreenId::Attract && m_attract.step(now)) m_needsRender = true;
  pollUsb(now);
  if (m_navigation.screen() == ScreenId::Product && m_productPage.step(now)) m_needsRender = true;
  if (m_navigation.screen() == ScreenId::BadgeScan) {
    if (m_badgeScan.step(m_display.renderer(), now)) m_needsRender = true;
    if (auto card = m_badgeScan.takeCard()) applyScan(*card, leads::kSourceScannedCamera, now);
  }
  collectPlaylistErrors(now);
  if (m_notices.expire(now)) m_needsRender = true;
  const media::Playlist& playlist = *m_attract.playlist();
  if (m_options.loops > 0 && playlist.loopsCompleted() >= m_options.loops) m_quit = true;
  if (playlist.state() == media::Playlist::State::AllFailed && m_options.loops > 0) m_quit = true;

  // systemd hears from a kiosk only through presented frames: a still screen presents one when a
  // keep-alive is due, and a hung loop presents none and is restarted.
  if (const auto keepAlive = m_watchdog.nextFrameDue(); keepAlive && now >= *keepAlive) m_needsRender = true;
  if (m_needsRender || m_ui->wantsAnotherFrame()) render();
  if (takeScrollCoasting()) m_needsRender = true;
  if (m_navigation.screen() == ScreenId::Attract) m_attract.prepareUpcomingFrame();
  if (m_reloadPending) reloadContent(*std::exchange(m_reloadPending, std::nullopt));
  // After the frame, like a reload: that frame still used the old font atlas.
  if (std::exchange(m_rebuildUiPending, false)) {
    rebuildUi();
    m_needsRender = true;
  }
}

void App::rebuildUi() {
  std::vector<std::string> texts = m_uiTexts;
  texts.push_back(m_extraGlyphs);
  m_ui.reset();  // one ImGui context and backend at a time
  m_builtUiScale = uiScale();
  m_ui = std::make_unique<platform::UiContext>(
      m_display.window(), m_display.renderer(), texts,
      platform::UiLayout{static_cast<float>(m_builtUiScale), m_display.quarterTurned()});
}

ScreenContext App::screenContext() const {
  ScreenContext context;
  context.catalog = m_catalog ? &*m_catalog : nullptr;
  context.language = m_language;
  context.fonts = &m_ui->fonts();
  context.unit = m_ui->unit();
  context.screenSize = m_display.outputSize();
  context.productPosters = &m_posters.textures();
  context.touchTarget = touchTargetPixels(context.screenSize, m_options.screenInches);
  return context;
}

void App::render() {
  m_needsRender = false;
  SDL_Renderer* renderer = m_display.renderer();
  const auto now = Clock::now();
  const bool savingBefore = m_form->saving();
  const ScreenId screen = m_navigation.screen();
  m_display.beginFrame();
  if (screen != ScreenId::Attract || !m_attract.coversScreen(now)) {
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
  }
  m_ui->newFrame();
  forgetControls();
  const ScreenContext context = screenContext();
  // Packs from sticks are offered to staff only: a visitor's stick gets nothing.
  const bool dialogOpen = screen == ScreenId::Staff && m_usbFlow->stage() != UsbInstallFlow::Stage::None;
  StaffModeEvent staffEvent;
  bool productDrawn = false;

  if (screen == ScreenId::Staff) {
    staffEvent = m_staff->draw(context, m_volumes.volumes(), m_packShown.string(), m_catalog ? &*m_catalog : nullptr, now);
  } else if (screen == ScreenId::Attract) {
    const bool noPack = !m_catalog && m_options.play.empty();
    if (m_attract.draw(context, now, noPack)) m_needsRender = true;
  } else if (m_catalog && screen == ScreenId::Product) {
    const ProductAction action = m_productPage.draw(context, dialogOpen, now);
    productDrawn = true;
    handleHeader(action.header, now);
    if (action.contact) {
      afterFrame([this, now] { openContactForm(currentProducerId(), now); });
    }
    if (action.openProducer) {
      afterFrame([this, now] { openProducer(m_catalog->products[m_productPage.product()].producerId, now); });
    }
  } else if (m_catalog && screen == ScreenId::Producer && m_producerPage.isOpen()) {
    const ProducerAction action = m_producerPage.draw(context);
    handleHeader(action.header, now);
    if (action.product) afterFrame([this, now, index = *action.product] { openProduct(index, now); });
    if (action.contact) afterFrame([this, now] { openContactForm(currentProducerId(), now); });
  } else if (m_catalog && screen == ScreenId::Contact && m_form->isOpen()) {
    const FormAction action = m_form->draw(context, now);
    m_language = m_form->language();
    if (action.close) afterFrame([this, now] { enterScreen(m_formBackTo, now); });
    if (action.scanBadge) afterFrame([this, now] { openBadgeScan(now); });
  } else if (m_catalog && screen == ScreenId::BadgeScan) {
    const BadgeScanAction action = m_badgeScan.draw(context, now);
    handleHeader(action.header, now);
    if (action.typeInstead) afterFrame([this, now] { openContactForm(m_formProducer, now); });
  } else if (m_catalog) {
    const GridAction action = drawGrid(context, m_grid);
    if (action.language) {
      m_language = *action.language;
      m_needsRender = true;
    }
    if (action.product) afterFrame([this, now, index = *action.product] { openProduct(index, now); });
    if (action.contact) afterFrame([this, now] { openContactForm("", now); });
  } else {
    drawNoPackCard(context);
  }
  if (dialogOpen) applyInstallAction(drawInstallPrompt(context, *m_usbFlow), now);
  // The PIN pad over whichever visitor screen the corner was held on.
  if (screen != ScreenId::Staff && m_staff->padShown()) {
    staffEvent = m_staff->draw(context, m_volumes.volumes(), m_packShown.string(), m_catalog ? &*m_catalog : nullptr, now);
  }
  // On a product page the video is drawn over the UI at the left: notices go right, above the facts.
  m_notices.draw(context, screen == ScreenId::Product);
  m_ui->render();
  // Over the page, in the place the product page left for it.
  if (productDrawn) m_productPage.drawVideo();
  m_display.present();
  m_attract.presented(Clock::now());
  m_watchdog.framePresented(Clock::now());
  m_saveFrames.frame(now, Clock::now(), savingBefore, m_form->saving());
  // Screen changes wait until the frame that drew the old screen (and used its textures) is out.
  if (m_afterFrame) std::exchange(m_afterFrame, {})();
  applyStaffEvent(staffEvent, now);
}

std::optional<SDL_Point> App::controlAt(const std::string& name) const {
  const auto centre = controlCentre(name);
  if (!centre) return std::nullopt;
  return SDL_Point{static_cast<int>(centre->x), static_cast<int>(centre->y)};
}

std::optional<SDL_Rect> App::controlBounds(const std::string& name) const {
  const auto area = controlArea(name);
  if (!area) return std::nullopt;
  return SDL_Rect{static_cast<int>(area->min.x), static_cast<int>(area->min.y),
                  static_cast<int>(area->max.x - area->min.x), static_cast<int>(area->max.y - area->min.y)};
}

std::string App::statsJson() const {
  const auto saves = fmt::format("\"lead_saves\": {}, \"longest_frame_ms_around_save\": {:.1f}",
                                 m_saveFrames.saves(), m_saveFrames.longestFrameMs());
  return m_attract.statsJson(m_failedFiles, m_display.rendererName(), saves);
}

int App::run() {
  while (!m_quit) step(std::chrono::duration_cast<std::chrono::milliseconds>(kIdleWake));
  m_watchdog.stopping();
  return m_failedFiles > 0 ? 1 : 0;
}

}  // namespace etalase::kiosk

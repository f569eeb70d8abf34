/**
 * The main window: navigation, content area, connect dialog, status bar, and the screen registry.
 *
 * <h2>Adding a real screen (Sessions, Files &amp; Diffs, Impact…)</h2>
 * <ol>
 *   <li>Make a package per screen, e.g. {@code com.warden.ui.health}, with
 *       {@code HealthViewModel} (JavaFX properties; the only caller of {@code com.warden.app.health};
 *       every query through {@code context.jobs().run(title, job, onSuccess, onFailure)}),
 *       {@code HealthController} (an FXML controller that only binds and forwards actions; it takes
 *       the view-model in its constructor), and {@code health.fxml} under
 *       {@code src/main/resources/com/warden/ui/health/}.</li>
 *   <li>Write {@code HealthScreen implements Screen}: the same {@code id()}, {@code title()},
 *       {@code needsProject()} and {@code summary()} as its placeholder in {@link PlaceholderScreen}, and
 *       <pre>{@code
 * public ScreenView create(ScreenContext context) {
 *     HealthViewModel viewModel = new HealthViewModel(context);   // database(), jobs(), showError(…)
 *     Parent view = Fxml.load(HealthScreen.class, "health.fxml",
 *             ControllerFactory.of(HealthController.class, () -> new HealthController(viewModel)));
 *     view.setId("screen-" + id());   // tests find screens by this id
 *     viewModel.load();               // starts a background job and returns at once
 *     return ScreenView.of(view, viewModel::load, viewModel::dispose);   // F5, and disconnect
 * }
 *       }</pre></li>
 *   <li>In {@link ScreenRegistry#standard()}, replace {@code PlaceholderScreen.HEALTH} with
 *       {@code new HealthScreen()} (keep the position and the id). Delete the placeholder constant
 *       when nothing uses it.</li>
 *   <li>Test the view-model without a toolkit (with {@code DirectJobs} from the ui test sources and a
 *       {@code TestPostgres} database), and add one TestFX test that opens the shell through
 *       {@link Composition#openMainWindow} and clicks {@code #nav-health}
 *       (see {@code ShellWindowTest}).</li>
 * </ol>
 * The shell calls {@code create} once per connection and only when the screen can run: connected,
 * and, for {@code needsProject()} screens, on a project database. Otherwise it shows the summary
 * with what is missing. A new connection, or a changed project status, disposes every view.
 * Style with the classes of {@code ui/common/warden.css} ({@link com.warden.ui.common.UiStyles})
 * and AtlantaFX's {@code Styles}; no colours in Java.
 */
package com.warden.ui.shell;

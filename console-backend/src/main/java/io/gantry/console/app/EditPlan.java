package io.gantry.console.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an edit does on the engine, and no more: Gantry never recreates a whole application. A container is recreated
 * only when the settings the engine gives it change ({@link DeployPlan}'s settings, compared field by field): the
 * edited service, and the services that link to it only when its exposed ports change (their link variables name
 * the ports). A target's alias moves with it on the application's network, so renaming or recreating a service does
 * not touch those linking to it. Named volumes are always kept, unless a removed service's volumes are asked to go.
 *
 * <p>The wiring carries it out in this order: create {@link #newVolumes}; reconnect {@link #realias} to the
 * application's network with their new aliases (so that a service created next finds the alias it links to); stop and
 * remove the containers of {@link #remove}; in {@link #after} order, replace each of {@link #recreate} (stop, remove
 * the old container, create and start the new) and create and start each of {@link #create}; delete
 * {@link #deleteVolumes}.
 *
 * @param services      the application's services after the edit; a recreated service still carries its old
 *                      container id until the wiring records the new one
 * @param after         the deploy plan of the edited application, with every container's settings
 * @param create        services added, to create and start
 * @param recreate      services whose containers must be replaced, in dependency order
 * @param remove        services removed, whose containers go
 * @param realias       services left running whose network aliases change (others link to them by a new alias)
 * @param refreshable   services left running whose copies of a link target's variables ({@code ALIAS_ENV_*}) are
 *                      now out of date; recreating them on request refreshes the copies
 * @param newVolumes    volumes the edited application needs that did not exist
 * @param deleteVolumes volumes to delete: only of a removed service, asked for, and mounted by no other service
 */
public record EditPlan(List<AppService> services, DeployPlan after, List<String> create, List<String> recreate,
                       List<String> remove, List<String> realias, List<String> refreshable, List<String> newVolumes,
                       List<String> deleteVolumes) {

    public EditPlan {
        services = List.copyOf(services);
        create = List.copyOf(create);
        recreate = List.copyOf(recreate);
        remove = List.copyOf(remove);
        realias = List.copyOf(realias);
        refreshable = List.copyOf(refreshable);
        newVolumes = List.copyOf(newVolumes);
        deleteVolumes = List.copyOf(deleteVolumes);
    }

    public static EditPlan of(Application app, List<AppService> current, Edit edit) {
        return of(app, current, edit, ImageDefaults.none());
    }

    /**
     * @param images what each image brings itself, for the old and the new images alike
     * @throws ApplicationRejectedException when the edit cannot be done (no such service, a name taken, a removed
     *                                      service still needed, a cycle)
     * @throws io.gantry.console.template.TemplateRejectedException when the edited services break a template rule
     */
    public static EditPlan of(Application app, List<AppService> current, Edit edit,
                              Function<String, ImageDefaults> images) {
        EditedServices edited = EditedServices.apply(app, current, edit);
        DeployPlan before = DeployPlan.of(app, current, images);
        DeployPlan after = DeployPlan.of(app, edited.services(), images);
        List<String> create = new ArrayList<>();
        List<String> recreate = new ArrayList<>();
        List<String> realias = new ArrayList<>();
        List<String> refreshable = new ArrayList<>();
        for (ContainerSettings next : after.containers()) {
            Optional<ContainerSettings> old = before.container(edited.previousName(next.service()));
            if (old.isEmpty()) {
                create.add(next.service());
            } else if (!old.get().recreateKey().equals(next.recreateKey())) {
                recreate.add(next.service());
            } else {
                if (!old.get().networkAliases().equals(next.networkAliases())) {
                    realias.add(next.service());
                }
                if (!old.get().linkedEnvironment().equals(next.linkedEnvironment())) {
                    refreshable.add(next.service());
                }
            }
        }
        List<String> newVolumes = after.volumes().stream().filter(v -> !before.volumes().contains(v)).toList();
        List<String> deleteVolumes = List.of();
        if (edit instanceof Edit.Remove r && r.deleteVolumes()) {
            deleteVolumes = before.container(r.service()).orElseThrow().volumes().stream()
                    .filter(v -> v.kind() == VolumeBinding.Kind.VOLUME).map(VolumeBinding::source)
                    .filter(v -> !after.volumes().contains(v)).toList();
        }
        List<String> remove = edit instanceof Edit.Remove r ? List.of(r.service()) : List.of();
        return new EditPlan(edited.services(), after, create, recreate, remove, realias, refreshable, newVolumes,
                deleteVolumes);
    }

    /** Whether the edit changes nothing on the engine (only what the console keeps, such as a category). */
    public boolean leavesContainersAlone() {
        return create.isEmpty() && recreate.isEmpty() && remove.isEmpty() && realias.isEmpty()
                && newVolumes.isEmpty() && deleteVolumes.isEmpty();
    }

    /** The containers of the services left running as they were: every service not created, recreated or removed. */
    public List<String> untouched() {
        return services.stream().map(AppService::name)
                .filter(n -> !create.contains(n) && !recreate.contains(n)).toList();
    }
}

package io.gantry.console.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.gantry.console.image.RemovalResult;

/**
 * What a removal left in place and why, shown above a list until the next removal; what went is announced in a
 * notification.
 */
public class RemovalReport extends Div {

    public RemovalReport(String id) {
        setId(id);
        addClassName("gantry-refusals");
        setVisible(false);
    }

    public void show(RemovalResult result) {
        removeAll();
        setVisible(!result.refused().isEmpty());
        if (!result.refused().isEmpty()) {
            UnorderedList reasons = new UnorderedList();
            result.refused().forEach((name, reason) -> reasons.add(new ListItem(name + ": " + reason)));
            add(new Div("Not removed:"), reasons);
        }
        if (!result.removed().isEmpty()) {
            Notification.show("Removed " + String.join(", ", result.removed()), 4000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }
}

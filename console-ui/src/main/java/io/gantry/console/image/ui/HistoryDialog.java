package io.gantry.console.image.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.gantry.console.base.ui.Sizes;
import io.gantry.console.engine.ImageLayer;
import io.gantry.console.image.ImageRow;
import java.util.List;

/** The steps that made an image, newest first, as {@code docker history} shows them. */
class HistoryDialog extends Dialog {

    final Grid<ImageLayer> layers = new Grid<>();

    HistoryDialog(ImageRow image, List<ImageLayer> history) {
        setId("image-history-dialog");
        setHeaderTitle("History of " + image.shownName());
        setWidth("min(70rem, 95vw)");
        layers.setId("image-history-grid");
        layers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        layers.setAllRowsVisible(true);
        layers.addColumn(l -> ImagesView.CREATED.format(l.created())).setHeader("Created").setAutoWidth(true)
                .setFlexGrow(0);
        layers.addColumn(ImageLayer::createdBy).setHeader("Created by").setFlexGrow(1);
        layers.addColumn(l -> Sizes.human(l.size())).setHeader("Size").setAutoWidth(true).setFlexGrow(0);
        layers.addColumn(ImageLayer::comment).setHeader("Comment").setAutoWidth(true).setFlexGrow(0);
        layers.setItems(history);
        add(layers);
        Button close = new Button("Close", e -> close());
        close.setId("image-history-close");
        getFooter().add(close);
    }
}

package io.gantry.console.app.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.gantry.console.base.ui.RowList;
import io.gantry.console.template.ServiceLink;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's links as rows: another service of the application and the alias this one reaches it by (empty: the
 * service's name). Ids: {@code edit-link-service-<n>}, {@code edit-link-alias-<n>}.
 */
class LinkRows extends RowList<LinkRows.Row> {

    /** A link as chosen; the service is null until one is picked. */
    record Row(String service, String alias) {
    }

    private final List<String> services;

    /** @param services the other services of the application, which a link may name */
    LinkRows(List<String> services, List<ServiceLink> initial) {
        super("edit-link", "Add link");
        this.services = List.copyOf(services);
        initial.forEach(l -> addRow(new Row(l.service(), l.alias())));
    }

    List<ServiceLink> links() {
        return values().stream().map(r -> ServiceLink.of(r.service(), r.alias().isBlank() ? r.service() : r.alias()))
                .toList();
    }

    @Override
    protected Fields<Row> fields(int n, Row value) {
        Select<String> service = new Select<>();
        service.setId(id("service", n));
        service.setLabel("Service");
        List<String> choices = new ArrayList<>(services);
        if (value.service() != null && !choices.contains(value.service())) {
            choices.add(value.service());
        }
        service.setItems(choices);
        service.setValue(value.service());
        TextField alias = new TextField("Alias");
        alias.setId(id("alias", n));
        alias.setPlaceholder("the service's name");
        alias.setValue(value.alias());
        alias.setValueChangeMode(ValueChangeMode.LAZY);
        return new Fields<>() {
            @Override
            public List<Component> components() {
                return List.of(service, alias);
            }

            @Override
            public List<HasValue<?, ?>> inputs() {
                return List.of(service, alias);
            }

            @Override
            public Row value() {
                return new Row(service.getValue(), alias.getValue().strip());
            }
        };
    }

    @Override
    protected Row emptyRow() {
        return new Row(null, "");
    }

    @Override
    protected boolean isBlank(Row row) {
        return row.service() == null;
    }
}

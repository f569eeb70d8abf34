package com.warden.ui.sessions;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * The engine's rows seen through the view's observable list of items: the engine's
 * {@link com.warden.app.sessions.TimelineWindow} edits this list, and each edit lands on the
 * observable list as ONE change (a page prepended, a range trimmed), so the view updates once.
 */
final class RowList<R, I> extends AbstractList<R> {
    private final ObservableList<I> items;
    private final Function<R, I> wrap;
    private final Function<I, R> unwrap;

    RowList(ObservableList<I> items, Function<R, I> wrap, Function<I, R> unwrap) {
        this.items = items;
        this.wrap = wrap;
        this.unwrap = unwrap;
    }

    @Override
    public R get(int index) {
        return unwrap.apply(items.get(index));
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public void add(int index, R row) {
        items.add(index, wrap.apply(row));
    }

    @Override
    public R remove(int index) {
        return unwrap.apply(items.remove(index));
    }

    @Override
    public boolean addAll(int index, Collection<? extends R> rows) {
        List<I> wrapped = new ArrayList<>(rows.size());
        rows.forEach(r -> wrapped.add(wrap.apply(r)));
        return items.addAll(index, wrapped);
    }

    @Override
    public boolean addAll(Collection<? extends R> rows) {
        return addAll(items.size(), rows);
    }

    @Override
    public void clear() {
        items.clear();
    }

    @Override
    protected void removeRange(int from, int to) {
        items.remove(from, to);
    }
}

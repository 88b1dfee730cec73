"""The Compare tab's model without Qt: the two models chosen from the session's list, the
comparison computed off the session's thread, a refusal in one line, and a file opened for one
side that joins the list without being put on show."""

from lstm_adder.assets import BUNDLED
from lstm_adder.core.compare import Agreement, compare
from lstm_adder.core.engine import Engine
from lstm_adder.session.comparing import Comparing
from lstm_adder.session.executor import Immediate, Threaded
from lstm_adder.session.open_models import OpenModel
from lstm_adder.session.session import Session


def session_with(*entries, executor=None) -> Session:
    session = Session(executor or Immediate())
    for entry in entries:
        session.add(entry)
    return session


def test_defaults_are_the_model_on_show_and_another(carry_engine, seed_engine):
    carry, seed = OpenModel("carry", carry_engine), OpenModel("seed", seed_engine)
    session = session_with(carry, seed)
    session.select(carry)
    comparing = Comparing(session)
    assert comparing.defaults() == (carry, seed)
    assert Comparing(session_with(carry)).defaults() == (carry, None)


def test_choosing_two_models_compares_them_pair_by_pair(carry_engine, seed_engine):
    carry, seed = OpenModel("carry", carry_engine), OpenModel("seed", seed_engine)
    comparing = Comparing(session_with(carry, seed))
    said = []
    comparing.changed.connect(lambda: said.append(comparing.result))
    comparing.choose(carry, seed)
    assert said[-1] is comparing.result and not comparing.busy and comparing.problem == ""
    assert comparing.result.counts == compare(carry_engine, seed_engine).counts
    assert sum(comparing.result.counts.values()) == 256


def test_the_work_runs_off_the_session_s_thread_and_a_late_answer_is_dropped(carry_engine,
                                                                            seed_engine):
    executor = Threaded()
    carry, seed = OpenModel("carry", carry_engine), OpenModel("seed", seed_engine)
    comparing = Comparing(session_with(carry, seed, executor=executor))
    comparing.choose(carry, seed)
    assert comparing.busy and comparing.result is None
    comparing.choose(seed, carry)  # the first answer, when it comes, is for another choice
    assert executor.deliver()
    counts = comparing.result.counts
    assert (comparing.a, comparing.b) == (seed, carry) and not comparing.busy
    assert counts[Agreement.ONLY_B] == compare(seed_engine, carry_engine).counts[
        Agreement.ONLY_B] > 0


def test_a_carry_model_widens_to_the_other_s_width(carry_engine):
    seed8, _ = Engine.from_file(BUNDLED["seed"])
    carry, seed = OpenModel("carry", carry_engine), OpenModel("seed", seed8)
    comparing = Comparing(session_with(carry, seed))
    comparing.choose(carry, seed)
    assert comparing.bits == 8 and comparing.result.count == 65_536
    wide = carry_engine.with_bits(8)  # the 4-bit carry model's weights on 8-bit numbers
    xs, ys = comparing.result.a.pairs.a, comparing.result.a.pairs.b
    assert comparing.result.a.exact == (wide.add_many(xs, ys) == xs + ys).mean()


def test_two_fixed_widths_are_refused_in_one_line(seed_engine):
    seed8, _ = Engine.from_file(BUNDLED["seed"])
    eight, four = OpenModel("seed8", seed8), OpenModel("seed4", seed_engine)
    comparing = Comparing(session_with(eight, four))
    comparing.choose(eight, four)
    assert comparing.result is None and not comparing.busy
    assert comparing.problem == ("Cannot compare: A reads only 8-bit numbers and B only "
                                 "4-bit ones; only a carry (paired-lsb) model can change width")
    assert comparing.problem.args == (8, 4)  # Words: the window says it in its language


def test_a_file_opened_for_one_side_joins_the_list_but_not_the_show(carry_engine,
                                                                   carry_model, carry_file):
    seed = OpenModel("seed", carry_engine.with_weights(
        [w * 0.5 for w in carry_engine.weights]))
    session = session_with(seed)
    comparing = Comparing(session)
    comparing.choose(*comparing.defaults())
    comparing.open(1, carry_file)
    assert comparing.b in session.models and comparing.b.path == carry_file
    assert session.current is seed and comparing.a is seed
    line = comparing.result.curves[1]  # the file's history, as the Training tab plots it
    assert line.epochs.tolist() == [m.epoch for m in carry_model.history]
    assert comparing.result.curves[0] is None


def test_a_file_that_cannot_be_read_is_said_and_nothing_changes(carry_engine, tmp_path):
    carry = OpenModel("carry", carry_engine)
    session = session_with(carry)
    errors = []
    session.error.connect(lambda title, text: errors.append(text))
    comparing = Comparing(session)
    comparing.open(0, tmp_path / "none.keras")
    assert len(errors) == 1 and "none.keras" in errors[0]
    assert session.models == [carry] and comparing.a is None
